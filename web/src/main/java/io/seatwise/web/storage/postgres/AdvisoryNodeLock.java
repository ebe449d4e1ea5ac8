package io.seatwise.web.storage.postgres;

import io.seatwise.web.storage.NodeLock;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The node lock of nodes that share one PostgreSQL database: a session-level advisory lock, held on a connection of
 * its own while the work runs (the work itself uses other connections and transactions).
 */
final class AdvisoryNodeLock implements NodeLock {

    private final JdbcTemplate jdbc;

    AdvisoryNodeLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void exclusively(String name, Runnable work) {
        long key = name.hashCode();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, key);
                lock.execute();
            }
            try {
                work.run();
            } finally {
                try (var unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, key);
                    unlock.execute();
                }
            }
            return null;
        });
    }
}
