package io.seatwise.query.stats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admins' CSV exports of users, events and bookings: RFC 4180 in UTF-8 with a header row and ISO-8601 times.
 * Figures per category are one cell of {@code code=value} pairs in the order of the codes ("P=9000 S=2500"), and a
 * booking's seat labels one cell separated by {@value StatisticsProjection#LABEL_SEPARATOR}.
 * Each row goes from the database cursor straight into the output, so an export of a million bookings needs no
 * more memory than one of ten. Text that a spreadsheet would read as a formula is made inert ({@link CsvCells}).
 */
@Component
public class CsvExports {

    /** Rows the driver fetches at a time (drivers that buffer whole results, PostgreSQL's, need it to stream). */
    static final int FETCH_SIZE = 500;

    private static final int BUFFER_CHARS = 64 * 1024;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate cursor;

    private final Clock clock;

    CsvExports(DataSource dataSource, Clock clock) {
        this.clock = clock;
        jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(FETCH_SIZE);
        cursor = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        cursor.setReadOnly(true);
    }

    public void users(OutputStream out) {
        export(
                out,
                """
                SELECT account_id, email, display_name, role, registered_at
                FROM stats_users ORDER BY registered_at, account_id
                """,
                new String[] {"accountId", "email", "displayName", "role", "registeredAt"},
                (rs, csv) -> csv.printRecord(
                        rs.getString(1),
                        CsvCells.inert(rs.getString(2)),
                        CsvCells.inert(rs.getString(3)),
                        rs.getString(4),
                        instant(rs, 5)));
    }

    public void events(OutputStream out) {
        export(
                out,
                """
                SELECT e.event_id, e.title, e.venue_id, v.name, v.city, e.starts_at, e.price_cents, e.capacity,
                       e.booked, e.bookings, e.revenue_cents, e.cancelled_at,
                       (SELECT string_agg(c.code || '=' || c.booked, ' ' ORDER BY c.code)
                        FROM stats_event_categories c WHERE c.event_id = e.event_id),
                       (SELECT string_agg(c.code || '=' || c.revenue_cents, ' ' ORDER BY c.code)
                        FROM stats_event_categories c WHERE c.event_id = e.event_id)
                FROM stats_events e LEFT JOIN stats_venues v ON v.venue_id = e.venue_id
                ORDER BY e.starts_at, e.event_id
                """,
                new String[] {
                    "eventId",
                    "title",
                    "venueId",
                    "venueName",
                    "city",
                    "startsAt",
                    "priceCents",
                    "capacity",
                    "booked",
                    "available",
                    "occupancy",
                    "bookings",
                    "revenueCents",
                    "bookedByCategory",
                    "revenueByCategory",
                    "status"
                },
                (rs, csv) -> {
                    var capacity = rs.getLong(8);
                    var booked = rs.getLong(9);
                    csv.printRecord(
                            rs.getString(1),
                            CsvCells.inert(rs.getString(2)),
                            rs.getString(3),
                            CsvCells.inert(rs.getString(4)),
                            CsvCells.inert(rs.getString(5)),
                            instant(rs, 6),
                            rs.getLong(7),
                            capacity,
                            booked,
                            capacity - booked,
                            Occupancy.of(booked, capacity),
                            rs.getLong(10),
                            rs.getLong(11),
                            rs.getString(13),
                            rs.getString(14),
                            status(rs.getObject(12) != null, rs.getLong(6)));
                });
    }

    /** As the API says it: {@code cancelled}, {@code over} once it has started, else {@code scheduled}. */
    private String status(boolean cancelled, long startsAtMillis) {
        return cancelled ? "cancelled" : startsAtMillis <= clock.millis() ? "over" : "scheduled";
    }

    public void bookings(OutputStream out) {
        export(
                out,
                """
                SELECT b.booking_id, b.event_id, e.title, b.account_id, u.email, b.seats, b.seat_count,
                       b.amount_cents, b.status, b.booked_at, b.cancelled_at, b.cents_by_category, b.seat_labels
                FROM stats_bookings b
                LEFT JOIN stats_events e ON e.event_id = b.event_id
                LEFT JOIN stats_users u ON u.account_id = b.account_id
                ORDER BY b.booked_at, b.booking_id
                """,
                new String[] {
                    "bookingId",
                    "eventId",
                    "eventTitle",
                    "accountId",
                    "email",
                    "seats",
                    "seatCount",
                    "amountCents",
                    "status",
                    "bookedAt",
                    "cancelledAt",
                    "centsByCategory",
                    "seatLabels"
                },
                (rs, csv) -> csv.printRecord(
                        rs.getString(1),
                        rs.getString(2),
                        CsvCells.inert(rs.getString(3)),
                        rs.getString(4),
                        CsvCells.inert(rs.getString(5)),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getLong(8),
                        rs.getString(9),
                        instant(rs, 10),
                        instant(rs, 11),
                        rs.getString(12),
                        CsvCells.inert(rs.getString(13))));
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(ResultSet rs, CSVPrinter csv) throws SQLException, IOException;
    }

    private void export(OutputStream out, String sql, String[] header, RowWriter row) {
        var format = CSVFormat.RFC4180.builder().setHeader(header).get();
        try {
            var csv = new CSVPrinter(
                    new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS), format);
            Runnable rows = () -> jdbc.query(sql, rs -> {
                try {
                    row.write(rs, csv);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (cursorNeedsTransaction()) {
                cursor.executeWithoutResult(status -> rows.run());
            } else {
                rows.run();
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PostgreSQL's driver honours the fetch size only inside a transaction; outside one it reads the whole result
     * into memory first. SQLite's streams either way, and its reads stay outside transactions (see the README).
     */
    private boolean cursorNeedsTransaction() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>)
                connection -> "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
    }

    /** An instant in ISO-8601 form (UTC), or an empty cell for none. */
    private static String instant(ResultSet rs, int column) throws SQLException {
        var millis = rs.getLong(column);
        return rs.wasNull() ? "" : Instant.ofEpochMilli(millis).toString();
    }
}
