package io.seatwise.web.seatmap;

import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static io.seatwise.web.ApplicationTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.StandaloneApplication;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Viewers who leave while their live seat map is still opening (a phone that loses its signal, a tab closed at once)
 * leave nothing open on the server: a node that stops afterwards stops as soon as its drain is over, instead of
 * waiting out its shutdown timeout (30 s) for answers that nobody would ever end.
 */
class AbandonedStreamTest {

    private static final int VIEWERS_WHO_LEAVE = 20;

    @Test
    void streamsAbandonedWhileOpeningDoNotHoldUpAStop() throws Exception {
        var node = StandaloneApplication.start(
                Files.createTempDirectory("seatwise-abandoned-streams-"), "--seatwise.shutdown.drain=0");
        Duration stop;
        try {
            var api = node.api();
            var admin = api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
            var venue = api.createVenue(admin, "Corner stage", 2, 10);
            var event =
                    api.scheduleEvent(admin, venue, "Left early", Instant.now().plus(Duration.ofDays(3)));
            eventually(() -> api.get("/events/" + event + "/seats/availability").status() == 200);
            for (int viewer = 0; viewer < VIEWERS_WHO_LEAVE; viewer++) {
                leaveWhileOpening(node.port(), "/events/" + event + "/seats/stream");
            }
            // one who stays until the map has come: by then the node has taken the others' requests too
            try (var stream = SeatMapStream.open(api.baseUrl(), event)) {
                assertThat(stream.next().name()).isEqualTo("snapshot");
            }
        } finally {
            var began = System.nanoTime();
            node.close();
            stop = Duration.ofNanos(System.nanoTime() - began);
        }
        assertThat(stop).as("time the node took to stop").isLessThan(Duration.ofSeconds(15));
    }

    /** Asks for the stream and goes at once, before any answer. */
    private static void leaveWhileOpening(int port, String path) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
    }
}
