package io.seatwise.query.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.SeatLayout.Category;
import io.seatwise.api.venue.SeatLayout.Row;
import io.seatwise.api.venue.SeatLayout.Section;
import io.seatwise.api.venue.VenueId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class CsvExportsTest {

    private static final int ROWS = 1_000_000;
    private static final int SEATS_CHARS = 200;

    @TempDir
    Path dataDir;

    /**
     * 200,000 bookings of about 600 bytes each make some 120 MB of CSV, more than this module's test heap (96 MB, see
     * its pom): the export completes only because no more than a buffer of rows is ever held.
     */
    @Test
    void largeExportStreamsInBoundedMemory() {
        var dataSource = StatsDatabase.in(dataDir);
        new JdbcTemplate(dataSource).update("""
                        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                        INSERT INTO stats_bookings (booking_id, event_id, account_id, seats, seat_count, amount_cents,
                                                    booked_at, booked_on, status)
                        SELECT 'booking-' || i, 'event', 'account', replace(hex(zeroblob(?)), '00', '7 '), 1, 100,
                               1700000000000 + i, '2023-11-14', 'CONFIRMED'
                        FROM n
                        """, ROWS, SEATS_CHARS / 2);
        var out = new CountingOutputStream();

        new CsvExports(dataSource, java.time.Clock.systemUTC()).bookings(out);

        assertThat(out.lines).isEqualTo(ROWS + 1);
        assertThat(out.bytes).isGreaterThan((long) ROWS * SEATS_CHARS);
    }

    @Test
    void exportsShowWhatEachCategoryEarnedAndTheSeatsLabels() throws IOException {
        var dataSource = StatsDatabase.in(dataDir);
        var projection = new StatisticsProjection(new JdbcTemplate(dataSource));
        var event = EventId.random();
        var booking = BookingId.next();
        var layout = new SeatLayout(
                List.of(new Category("S", "Stalls seat", null), new Category("P", "Premium", null)),
                List.of(
                        new Section("=Stalls", List.of(new Row("A", "PP.SS"))),
                        new Section("Circle", List.of(new Row("1", "SS")))));
        projection.on(
                new EventScheduled(
                        event,
                        VenueId.random(),
                        "Hall",
                        "",
                        Instant.parse("2030-04-01T19:00:00Z"),
                        Map.of("P", 9000L, "S", 2500L),
                        layout,
                        SingleSeatRule.ALLOW),
                0);
        projection.on(
                new SeatsBooked(
                        event,
                        booking,
                        AccountId.random(),
                        List.of(2, 3, 6),
                        Instant.parse("2030-03-04T10:00:00Z"),
                        Map.of("P", 9000L, "S", 5000L)),
                1);
        var exports = new CsvExports(dataSource, java.time.Clock.systemUTC());

        var bookings = csv(out -> exports.bookings(out));
        var events = csv(out -> exports.events(out));

        assertThat(bookings.get(0).get("amountCents")).isEqualTo("14000");
        assertThat(bookings.get(0).get("centsByCategory")).isEqualTo("P=9000 S=5000");
        assertThat(bookings.get(0).get("seatLabels"))
                .isEqualTo("'=Stalls, Row A, Seat 2; =Stalls, Row A, Seat 3; Circle, Row 1, Seat 2");
        assertThat(events.get(0).get("revenueCents")).isEqualTo("14000");
        assertThat(events.get(0).get("bookedByCategory")).isEqualTo("P=1 S=2");
        assertThat(events.get(0).get("revenueByCategory")).isEqualTo("P=9000 S=5000");
    }

    private static List<CSVRecord> csv(Consumer<OutputStream> export) throws IOException {
        var out = new ByteArrayOutputStream();
        export.accept(out);
        var format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (var parser = format.parse(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
            return parser.getRecords();
        }
    }

    @Test
    void cellsThatStartLikeFormulasAreMadeInert() {
        assertThat(CsvCells.inert("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(CsvCells.inert("+1")).isEqualTo("'+1");
        assertThat(CsvCells.inert("-1")).isEqualTo("'-1");
        assertThat(CsvCells.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.inert("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.inert("\rx")).isEqualTo("'\rx");
        assertThat(CsvCells.inert("Ann = Bob")).isEqualTo("Ann = Bob");
        assertThat(CsvCells.inert(null)).isEmpty();
    }

    /** Discards what it is given, counting bytes and line feeds. */
    private static final class CountingOutputStream extends OutputStream {

        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
