package io.seatwise.web.operations;

import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.SeatwiseProcess;
import io.seatwise.web.SqliteFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay command refuses, and changes nothing, while a running application holds the processors' tokens: the
 * packaged jar runs as a process of its own on a data folder, and the replay command is started beside it on the same
 * folder, as an operator would who forgot to stop it.
 */
class ReplayWhileRunningIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void replayRefusesWithoutTouchingAReadModelWhileTheApplicationRuns() throws Exception {
        var dataDir = folder.resolve("data");
        try (var running = SeatwiseProcess.start(dataDir, "running")) {
            var api = running.api();
            var admin = api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
            var venue = api.createVenue(admin, "Busy Hall", 2, 3);
            var event = api.scheduleEvent(
                    admin, venue, "Still running", Instant.now().plus(Duration.ofDays(3)));
            assertThat(api.book(api.newUserToken("Dora"), event, List.of(1, 2)).status())
                    .isEqualTo(201);
            // every read model below has the booking, not only the seat map: each group's processor runs on its own
            ApplicationTest.eventually(Duration.ofSeconds(30), () -> {
                try {
                    var rows = readModelRows(dataDir);
                    return rows.size() == 5 && rows.contains("Still running:2");
                } catch (SQLException notYetThere) {
                    return false;
                }
            });
            var rowsBefore = readModelRows(dataDir);

            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int exitCode = ReplayCommand.run(
                    new String[] {"replay", "--seatwise.data-dir=" + dataDir},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    false);

            assertThat(exitCode).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("Replay failed")
                    .contains("another process holds");
            assertThat(readModelRows(dataDir)).isEqualTo(rowsBefore).isNotEmpty();
            assertThat(api.bookedSeats(event)).containsExactly(1, 2);
        }
    }

    /** The rows of read models that every replayed group writes, as text. */
    private static List<String> readModelRows(Path dataDir) throws SQLException {
        var rows = new ArrayList<String>();
        try (var connection = SqliteFiles.openReadOnly(dataDir);
                var statement = connection.createStatement()) {
            for (var query : List.of(
                    "SELECT event_id || ':' || seat FROM booked_seats ORDER BY 1",
                    "SELECT name FROM venues ORDER BY 1",
                    "SELECT title || ':' || booked FROM event_summaries ORDER BY 1",
                    "SELECT booking_id FROM bookings ORDER BY 1")) {
                try (var result = statement.executeQuery(query)) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
            }
        }
        return rows;
    }
}
