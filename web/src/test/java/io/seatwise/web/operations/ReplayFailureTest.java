package io.seatwise.web.operations;

import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.SqliteFiles;
import io.seatwise.web.StandaloneApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay whose handler fails stops with the reason and a non-zero exit, instead of logging the failure and going on
 * as the running application's processors do: a replay that went on would report success over a read model with holes.
 */
class ReplayFailureTest {

    @TempDir
    Path dataDir;

    @Test
    void replayStopsWhenAHandlerFails() throws SQLException {
        try (var application = StandaloneApplication.start(dataDir)) {
            var api = application.api();
            var admin = api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
            var venue = api.createVenue(admin, "Failing Hall", 2, 3);
            var event = api.scheduleEvent(
                    admin, venue, "The broken night", Instant.now().plus(Duration.ofDays(3)));
            assertThat(api.book(api.newUserToken("Cleo"), event, List.of(2)).status())
                    .isEqualTo(201);
        }
        // "my bookings" can still be emptied, but no booking can be written into it any more
        execute("ALTER TABLE bookings RENAME COLUMN seat_count TO seats_counted");

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
                .contains("seat_count");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Replayed ");
    }

    private void execute(String sql) throws SQLException {
        try (var connection = SqliteFiles.open(dataDir);
                var statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
