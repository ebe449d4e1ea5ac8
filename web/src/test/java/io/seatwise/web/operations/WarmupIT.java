package io.seatwise.web.operations;

import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.SeatwiseProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started as the README starts it but with a short warm-up: it books on a throwaway database before
 * it opens its port, then starts on the real data folder, which holds nothing of the rehearsal, and deletes the
 * rehearsal's folder.
 */
class WarmupIT {

    private static final Pattern WARMED_UP = Pattern.compile("Warmed up in \\d+ s: (\\d+) bookings decided");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void theServerRehearsesOnAThrowawayDatabaseBeforeItOpensItsPort() throws Exception {
        var rehearsalsBefore = rehearsalFolders();
        try (var server = SeatwiseProcess.start(folder.resolve("data"), "warm", "--seatwise.warmup=5s")) {
            var output = server.output();
            var warmedUp = WARMED_UP.matcher(output);
            assertThat(warmedUp.find()).as("the warm-up's report in\n" + output).isTrue();
            assertThat(Long.parseLong(warmedUp.group(1))).as("bookings decided").isGreaterThan(50);
            assertThat(output.indexOf("Tomcat started on port " + server.port()))
                    .as("the real port opens after the rehearsal")
                    .isGreaterThan(warmedUp.end());

            var api = server.api();
            var admin = api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
            assertThat(api.get("/api/venues").json()).as("venues").isEmpty();
            assertThat(api.get("/api/events").json()).as("events").isEmpty();
            assertThat(api.get("/api/admin/users?email=warmup@seatwise.invalid", admin)
                            .json())
                    .as("the rehearsal's accounts")
                    .isEmpty();
            assertThat(rehearsalFolders()).as("rehearsal folders left behind").isEqualTo(rehearsalsBefore);
        }
    }

    private static Set<String> rehearsalFolders() throws IOException {
        try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("seatwise-warmup-"))
                    .collect(Collectors.toSet());
        }
    }
}
