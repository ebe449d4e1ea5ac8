package io.seatwise.web.mail;

import static io.seatwise.web.ApplicationTest.ADMIN_EMAIL;
import static io.seatwise.web.ApplicationTest.ADMIN_PASSWORD;
import static io.seatwise.web.ApplicationTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.NeedsPostgreSql;
import io.seatwise.web.PostgresDatabase;
import io.seatwise.web.StandaloneApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bookings' mail sagas on two nodes of one PostgreSQL database, both of which run the deadlines' scheduler and
 * deliver mail: people book on either node, and each gets the confirmation, the review prompt after its delay and the
 * reminder after the event, each exactly once, although the sagas' deadlines go off on whichever node takes them.
 */
@NeedsPostgreSql
class PostgresMailSagaTwoNodesTest {

    private static final Duration PROMPT_DELAY = Duration.ofSeconds(5);
    private static final Duration EVENT_DURATION = Duration.ofSeconds(1);
    private static final int BOOKERS = 6;

    private final SmtpServer smtp = SmtpServer.onFreePort().start();

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void everyBookingsMailsGoOutOnceBetweenTwoNodes() throws Exception {
        try (var database = PostgresDatabase.create("mail_saga_nodes")) {
            var settings = new ArrayList<>(List.of(database.settings()));
            settings.addAll(List.of(
                    "--spring.mail.host=" + SmtpServer.HOST,
                    "--spring.mail.port=" + smtp.port(),
                    "--seatwise.mail.poll-interval=100ms",
                    "--seatwise.mail.review-prompt-delay=" + PROMPT_DELAY.toSeconds() + "s",
                    "--seatwise.mail.event-duration=" + EVENT_DURATION.toSeconds() + "s"));
            var nodes = StandaloneApplication.startTwoNodes(settings.toArray(String[]::new));
            try (var nodeA = nodes.get(0);
                    var nodeB = nodes.get(1)) {
                var a = nodeA.api();
                var b = nodeB.api();
                var admin = a.token(ADMIN_EMAIL, ADMIN_PASSWORD);
                var startsAt = Instant.now().plusSeconds(20);
                var event =
                        a.scheduleEvent(admin, a.createVenue(admin, "Two Doors Hall", 2, 10), "Twice Told", startsAt);
                var bookers = new ArrayList<Booker>();
                for (int i = 0; i < BOOKERS; i++) {
                    ApiClient node = i % 2 == 0 ? a : b;
                    var booker = Booker.register(node, "Booker " + i);
                    booker.book(event, i + 1);
                    bookers.add(booker);
                }

                eventually(
                        Duration.ofSeconds(60),
                        () -> bookers.stream()
                                .allMatch(booker -> smtp.to(booker.email()).size() >= 3));
                assertThat(Instant.now()).isAfterOrEqualTo(startsAt.plus(EVENT_DURATION));
                // both nodes poll for deadlines every second and for mail every 100 ms: give a second sending time
                Thread.sleep(3_000);
                for (var booker : bookers) {
                    assertThat(smtp.to(booker.email()))
                            .as(booker.email())
                            .extracting(message -> message.getSubject())
                            .containsExactlyInAnyOrder(
                                    "Your seats for Twice Told",
                                    "Been to the venue of Twice Told before?",
                                    "How was Twice Told?");
                }
            }
        }
    }
}
