package io.seatwise.web.storage;

import static io.seatwise.web.ApplicationTest.eventually;
import static io.seatwise.web.storage.MailSagaUpgradeTest.count;
import static io.seatwise.web.storage.MailSagaUpgradeTest.status;
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
 * A database of the release with a mail saga per booking (commit bd78aa2) upgrades in place and keeps its pending
 * mails: those sagas run on, their deadlines go off, a cancelled booking ends its saga, a reschedule moves its
 * deadline; the bookings made after the upgrade share their event's saga, and start none of their own.
 *
 * <p>The fixture ({@code fixtures/release-bd78aa2-booking-sagas/sqlite.zip}, made by {@code make.py} beside it, as for
 * {@link MailSagaUpgradeTest}) is that release's jar started without demo data or SMTP, with the admin
 * {@value #ADMIN}: "Fixture Matinee" booked by Ann with her prompt (2 minutes) and reminder (1 minute after the start,
 * six minutes later) set short, so that both were deadlines pending when the jar stopped and are overdue now; restarted
 * with prompts ten years after the booking, "Fixture Gala" (2031-11-20) booked by Bob and Dee, and "Fixture Recital"
 * (2031-10-01) booked by Cy, each a saga with a deadline for its reminder. Bob's cancellation needs the gala more than a
 * day ahead: the test holds until November 2031, when the fixture must be made anew.
 */
class BookingSagaUpgradeTest {

    static final String ADMIN = "admin@fixture.local";
    static final String ADMIN_PASSWORD = "fixture-admin-pw";
    static final String GALA = "a936b545-96ca-43a8-9f54-b69fa1f9af7b";
    static final String RECITAL = "02fab761-b2c5-4247-b618-fc8fb21f8644";
    static final String ANNS = "01a23d97-e3c3-78fc-b012-793a57e12ed2";
    static final String BOBS = "01a23d98-cb75-7784-ab2b-4524aafa8612";
    static final String CYS = "01a23d98-cb95-795a-9759-8ecd97e09dbd";
    static final String DEES = "01a23d98-cbbf-7611-85be-3bcb0961e30b";

    private static final String BOOKING_SAGA = "io.seatwise.web.mail.BookingMailSaga";
    private static final String EVENT_SAGA = "io.seatwise.web.mail.EventMailSaga";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void theBookingsSagasRunOnAndNewBookingsShareTheirEventsSaga() {
        ReleasedDatabase.unpackSqlite("fixtures/release-bd78aa2-booking-sagas/", dataDir);

        // as when Ann booked: her saga's reminder is due a minute after the matinee's start, as the mail group now says
        try (var application = StandaloneApplication.start(dataDir, "--seatwise.mail.event-duration=1m")) {
            var api = application.api();
            var jdbc = application.context().getBean(JdbcTemplate.class);
            eventually(PATIENCE, () -> api.event(GALA).isPresent());
            assertThat(sagas(jdbc, BOOKING_SAGA)).isBetween(3L, 4L);

            // Ann's deadlines fell due while no application ran: her saga sends both and ends
            eventually(
                    PATIENCE,
                    () -> status(jdbc, "review-prompt:" + ANNS).equals("SENT")
                            && status(jdbc, "review-reminder:" + ANNS).equals("SENT"));
            eventually(PATIENCE, () -> sagaOf(jdbc, "bookingId", ANNS) == 0);

            var bob = api.token("bob@fixture.local", "bob-fixture-pw");
            assertThat(api.delete("/api/bookings/" + BOBS, bob).status()).isEqualTo(204);
            eventually(PATIENCE, () -> status(jdbc, "cancellation:" + BOBS).equals("SENT"));
            eventually(PATIENCE, () -> sagaOf(jdbc, "bookingId", BOBS) == 0);
            assertThat(status(jdbc, "review-prompt:" + BOBS)).isEmpty();

            var admin = api.token(ADMIN, ADMIN_PASSWORD);
            var movedTo = FutureDates.at("10-08T19:00:00Z");
            var reminderAfterMove = movedTo.plus(Duration.ofMinutes(1)).toEpochMilli();
            var moved = api.patch("/api/events/" + RECITAL, Map.of("startsAt", movedTo.toString()), admin);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            eventually(
                    PATIENCE,
                    () -> count(
                                    jdbc,
                                    "SELECT count(*) FROM scheduled_tasks WHERE execution_time = " + reminderAfterMove)
                            == 1);
            assertThat(sagaOf(jdbc, "bookingId", CYS))
                    .as("Cy's saga waits for the new end")
                    .isEqualTo(1);
            assertThat(status(jdbc, "review-reminder:" + CYS)).isEmpty();

            assertThat(List.of(status(jdbc, "review-prompt:" + DEES), status(jdbc, "review-reminder:" + DEES)))
                    .as("Dee's are not due yet, and wait in her saga")
                    .containsOnly("");
            assertThat(sagaOf(jdbc, "bookingId", DEES)).isEqualTo(1);

            // a booking made now is its event's saga's: one for the gala, beside Dee's own
            var eve = api.newUserToken("Eve");
            var booked = api.book(eve, GALA, List.of(9));
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            var eves = booked.json().path("bookingId").asText();
            eventually(
                    PATIENCE, () -> status(jdbc, "booking-confirmation:" + eves).equals("SENT"));
            assertThat(sagaOf(jdbc, "bookingId", eves)).isZero();
            assertThat(sagas(jdbc, EVENT_SAGA)).isEqualTo(1);
            assertThat(sagas(jdbc, BOOKING_SAGA)).as("Cy's and Dee's").isEqualTo(2);

            assertThat(api.delete("/api/bookings/" + eves, eve).status()).isEqualTo(204);
            eventually(PATIENCE, () -> status(jdbc, "cancellation:" + eves).equals("SENT"));
            assertThat(count(jdbc, "SELECT count(*) FROM mail_outbox WHERE booking_id = '" + eves + "'"))
                    .as("its confirmation and its cancellation")
                    .isEqualTo(2);
            assertThat(sagaOf(jdbc, "bookingId", DEES)).as("Dee's saga runs on").isEqualTo(1);
        }
    }

    private static long sagas(JdbcTemplate jdbc, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM SagaEntry WHERE sagaType = ?", Long.class, type);
    }

    private static long sagaOf(JdbcTemplate jdbc, String key, String value) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM AssociationValueEntry WHERE associationKey = ? AND associationValue = ?",
                Long.class,
                key,
                value);
    }
}
