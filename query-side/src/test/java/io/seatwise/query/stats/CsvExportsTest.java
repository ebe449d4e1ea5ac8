package io.seatwise.query.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Path;
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

        new CsvExports(dataSource).bookings(out);

        assertThat(out.lines).isEqualTo(ROWS + 1);
        assertThat(out.bytes).isGreaterThan((long) ROWS * SEATS_CHARS);
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
