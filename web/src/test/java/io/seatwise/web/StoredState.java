package io.seatwise.web;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How much the command side has stored: every accepted command leaves an event (and a registration also a
 * credential row), so equal counts before and after a refused request show that it changed nothing. Commands are
 * stored before the API answers, so unlike the read side this needs no waiting.
 */
public record StoredState(long events, long snapshots, long credentials) {

    public static StoredState of(JdbcTemplate jdbc) {
        return new StoredState(
                count(jdbc, "DomainEventEntry"), count(jdbc, "SnapshotEventEntry"), count(jdbc, "account_credentials"));
    }

    /** How many events of one type, named by its simple class name, the event store holds. */
    public static long eventsOfType(JdbcTemplate jdbc, String simpleName) {
        Long rows = jdbc.queryForObject(
                "SELECT count(*) FROM DomainEventEntry WHERE payloadType LIKE ?", Long.class, "%." + simpleName);
        return rows == null ? 0 : rows;
    }

    private static long count(JdbcTemplate jdbc, String table) {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return rows == null ? 0 : rows;
    }
}
