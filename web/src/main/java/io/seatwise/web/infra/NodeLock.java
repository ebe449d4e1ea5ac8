package io.seatwise.web.infra;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time do what must happen once, such as the first start's admin and demo data, when several
 * nodes start together on one PostgreSQL database: a session-level advisory lock, held on a connection of its own
 * while the work runs (the work itself uses other connections and transactions). On SQLite there is one node, and the
 * work simply runs.
 */
@Component
public class NodeLock {

    private final JdbcTemplate jdbc;
    private final boolean shared;

    NodeLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.shared = !Databases.isSqlite(jdbc.getDataSource());
    }

    /** Runs the work while no other node runs work under the same name. */
    public void exclusively(String name, Runnable work) {
        if (!shared) {
            work.run();
            return;
        }
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
