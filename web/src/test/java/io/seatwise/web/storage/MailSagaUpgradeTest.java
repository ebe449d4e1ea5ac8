package io.seatwise.web.storage;

import static io.seatwise.web.ApplicationTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.FutureDates;
import io.seatwise.web.StandaloneApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database of the release before the mail sagas (commit a6f9653) upgrades in place and keeps its pending mails: its
 * bookings' review prompts and reminders wait in the outbox with their due times and no saga. They are sent once due,
 * skipped when their booking is cancelled (whose cancellation is still confirmed), and the reminders move with a
 * reschedule; the bookings made after the upgrade get their event's saga, and only they.
 *
 * <p>The fixture ({@code fixtures/release-a6f9653-mail/sqlite.zip}, made by {@code make.py} beside it) is that
 * release's jar started without demo data or SMTP, with the admin {@value #ADMIN}: a venue of 4 × 10 seats, the event
 * "Fixture Matinee" starting six minutes later, booked by Ann, whose prompt (2 minutes) and reminder (1 minute after the
 * start) were set short, so that both were pending when the jar stopped and are overdue now; restarted with prompts ten
 * years after the booking, "Fixture Gala" (2031-11-20) booked by Bob and Dee, and "Fixture Recital" (2031-10-01) booked
 * by Cy, each with a prompt and a reminder pending. Bob's cancellation needs the gala more than a day ahead: the test
 * holds until November 2031, when the fixture must be made anew.
 */
class MailSagaUpgradeTest {

    static final String ADMIN = "admin@fixture.local";
    static final String ADMIN_PASSWORD = "fixture-admin-pw";
    static final String GALA = "8b99e92b-bcbc-4d9a-9755-ca4b2472f90c";
    static final String RECITAL = "3961e88c-fac6-4524-a2bc-70031a1cf4c1";
    static final String ANNS = "01a23b45-2dc5-73d2-ac4f-9dafa797de2b";
    static final String BOBS = "01a23b45-ed0c-7f95-9f1a-1b020642caef";
    static final String CYS = "01a23b45-ed5e-74b4-9e26-0b036e5d60cd";
    static final String DEES = "01a23b45-ed74-7baa-9f8c-1459f394ceda";

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void pendingPromptsAndRemindersAreSentSkippedAndMovedAsBeforeAndNewBookingsGetSagas() {
        ReleasedDatabase.unpackSqlite("fixtures/release-a6f9653-mail/", dataDir);

        try (var application = StandaloneApplication.start(dataDir)) {
            var api = application.api();
            var jdbc = application.context().getBean(JdbcTemplate.class);
            eventually(PATIENCE, () -> api.event(GALA).isPresent());
            var deesPrompt = dueOf(jdbc, "review-prompt:" + DEES);
            var deesReminder = dueOf(jdbc, "review-reminder:" + DEES);

            // Ann's prompt and reminder fell due while no application ran: they go out now
            eventually(
                    PATIENCE,
                    () -> status(jdbc, "review-prompt:" + ANNS).equals("SENT")
                            && status(jdbc, "review-reminder:" + ANNS).equals("SENT"));
            assertThat(count(jdbc, "SELECT count(*) FROM SagaEntry"))
                    .as("the bookings of the release before have no saga")
                    .isZero();

            var bob = api.token("bob@fixture.local", "bob-fixture-pw");
            assertThat(api.delete("/api/bookings/" + BOBS, bob).status()).isEqualTo(204);
            eventually(PATIENCE, () -> status(jdbc, "cancellation:" + BOBS).equals("SENT"));
            assertThat(status(jdbc, "review-prompt:" + BOBS)).isEqualTo("SKIPPED");
            assertThat(status(jdbc, "review-reminder:" + BOBS)).isEqualTo("SKIPPED");

            var admin = api.token(ADMIN, ADMIN_PASSWORD);
            var movedTo = FutureDates.at("10-08T19:00:00Z");
            var moved = api.patch("/api/events/" + RECITAL, Map.of("startsAt", movedTo.toString()), admin);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            eventually(
                    PATIENCE,
                    () -> dueOf(jdbc, "review-reminder:" + CYS)
                            == movedTo.plus(Duration.ofHours(3)).toEpochMilli());
            assertThat(status(jdbc, "review-reminder:" + CYS)).isEqualTo("PENDING");
            eventually(
                    PATIENCE,
                    () -> count(
                                    jdbc,
                                    "SELECT count(*) FROM mail_outbox WHERE kind = 'EVENT_RESCHEDULED'"
                                            + " AND booking_id = '" + CYS + "'")
                            == 1);

            assertThat(List.of(status(jdbc, "review-prompt:" + DEES), status(jdbc, "review-reminder:" + DEES)))
                    .as("Dee's are not due yet")
                    .containsOnly("PENDING");
            assertThat(dueOf(jdbc, "review-prompt:" + DEES)).isEqualTo(deesPrompt);
            assertThat(dueOf(jdbc, "review-reminder:" + DEES)).isEqualTo(deesReminder);

            // a booking made now is its event's saga's: its confirmation goes out, its prompt waits for the deadline
            // of its time slot, its reminder for the event's
            var eve = api.newUserToken("Eve");
            var booked = api.book(eve, GALA, List.of(9));
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            var eves = booked.json().path("bookingId").asText();
            eventually(
                    PATIENCE, () -> status(jdbc, "booking-confirmation:" + eves).equals("SENT"));
            assertThat(count(jdbc, "SELECT count(*) FROM SagaEntry WHERE sagaType LIKE '%.EventMailSaga'"))
                    .isEqualTo(1);
            assertThat(count(jdbc, "SELECT count(*) FROM SagaEntry")).isEqualTo(1);
            assertThat(count(jdbc, "SELECT count(*) FROM mail_outbox WHERE booking_id = '" + eves + "'"))
                    .isEqualTo(1);
            assertThat(count(jdbc, "SELECT count(*) FROM scheduled_tasks")).isEqualTo(2);

            assertThat(api.delete("/api/bookings/" + eves, eve).status()).isEqualTo(204);
            eventually(PATIENCE, () -> status(jdbc, "cancellation:" + eves).equals("SENT"));
            assertThat(count(jdbc, "SELECT count(*) FROM mail_outbox WHERE booking_id = '" + eves + "'"))
                    .as("its confirmation and its cancellation")
                    .isEqualTo(2);
        }
    }

    /** The status of the outbox's mail under the key, or nothing while there is none. */
    static String status(JdbcTemplate jdbc, String key) {
        return jdbc.queryForList("SELECT status FROM mail_outbox WHERE mail_key = ?", String.class, key).stream()
                .findFirst()
                .orElse("");
    }

    private static long dueOf(JdbcTemplate jdbc, String key) {
        return jdbc.queryForObject("SELECT next_attempt_at FROM mail_outbox WHERE mail_key = ?", Long.class, key);
    }

    static long count(JdbcTemplate jdbc, String query) {
        return jdbc.queryForObject(query, Long.class);
    }
}
