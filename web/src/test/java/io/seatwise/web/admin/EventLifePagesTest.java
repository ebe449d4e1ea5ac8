package io.seatwise.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin's event pages as forms: a change is only made once confirmed, the confirmation counts the bookers, errors
 * are shown in the page's language, and a cancelled event offers no more changes.
 */
class EventLifePagesTest extends ApplicationTest {

    private String event;
    private BrowserSession admin;

    @BeforeEach
    void eventWithTwoBookers() {
        var token = adminToken();
        event = api.scheduleEvent(token, api.createVenue(token, "Guildhall", 2, 4), "Folk Night", inDays(8));
        var ann = api.newUserToken("Ann");
        assertThat(api.book(ann, event, List.of(1)).status()).isEqualTo(201);
        assertThat(api.book(ann, event, List.of(2)).status()).isEqualTo(201);
        assertThat(api.book(api.newUserToken("Bob"), event, List.of(3)).status())
                .isEqualTo(201);
        eventually(() -> api.get("/api/events/" + event).json().path("booked").asInt() == 3);
        admin = BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @Test
    void editIsConfirmedBeforeItIsMadeAndMailsNobody() {
        var page = admin.get("/admin/events/" + event);
        assertThat(page.body()).contains("2 bookers").contains("value=\"12.50\"");

        var confirmation = admin.post(
                "/admin/events/" + event + "/edit",
                Map.of("title", "Folk and Blues Night", "description", "A test event", "price_S", "15"));
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.body())
                .contains("data-confirmation")
                .contains("Change Folk Night?")
                .contains("No mail is sent; the 2 bookers keep their bookings as they are.");
        assertThat(api.get("/api/events/" + event).json().path("title").asText())
                .isEqualTo("Folk Night");

        var done = admin.post(
                "/admin/events/" + event + "/edit",
                Map.of(
                        "title",
                        "Folk and Blues Night",
                        "description",
                        "A test event",
                        "price_S",
                        "15",
                        "confirmed",
                        "true"));
        assertThat(done.status()).isEqualTo(302);
        eventually(() ->
                api.get("/api/events/" + event).json().path("title").asText().equals("Folk and Blues Night"));
        assertThat(api.get("/api/events/" + event).json().path("priceCents").asLong())
                .isEqualTo(1500);
        assertThat(admin.get(admin.path(done.location())).body()).contains("The event is changed.");
    }

    @Test
    void theLimitPerPersonIsChangedFromTheEventsPage() {
        assertThat(admin.get("/admin/events/" + event).body())
                .containsPattern("name=\"maxSeatsPerAccount\"[^>]*value=\"20\"");

        var done = admin.post(
                "/admin/events/" + event + "/edit",
                Map.of(
                        "title",
                        "Folk Night",
                        "description",
                        "A test event",
                        "price_S",
                        "12.50",
                        "maxSeatsPerAccount",
                        "2",
                        "confirmed",
                        "true"));

        assertThat(done.status()).isEqualTo(302);
        assertThat(admin.get(admin.path(done.location())).body())
                .containsPattern("name=\"maxSeatsPerAccount\"[^>]*value=\"2\"");
        eventually(() -> api.get("/api/events/" + event)
                        .json()
                        .path("maxSeatsPerAccount")
                        .asInt()
                == 2);
        var visitor = new BrowserSession(port);
        eventually(() ->
                visitor.get("/events/" + event).body().contains("One person may hold at most 2 seats of this event"));
    }

    @Test
    void errorsAreShownInThePagesLanguageAndChangeNothing() {
        admin.get("/admin/events/" + event);
        var past = admin.post("/admin/events/" + event + "/reschedule", Map.of("startsAt", "2001-01-01T10:00"));
        assertThat(past.body()).contains("Start: must be in the future.");
        var farAhead = admin.post("/admin/events/" + event + "/reschedule", Map.of("startsAt", "2099-01-01T10:00"));
        assertThat(farAhead.body()).contains("Start: at most 5 years ahead.");
        var badLimit = admin.post(
                "/admin/events/" + event + "/edit",
                Map.of(
                        "title",
                        "Folk Night",
                        "description",
                        "A test event",
                        "price_S",
                        "12.50",
                        "maxSeatsPerAccount",
                        "-3"));
        assertThat(badLimit.body()).contains("Seats per person: must be between 0 and 40,000.");
        var unchanged = admin.post(
                "/admin/events/" + event + "/edit",
                Map.of("title", "Folk Night", "description", "A test event", "price_S", "12.50"));
        assertThat(unchanged.body()).contains("Nothing was changed.");

        admin.get("/admin/events/" + event + "?lang=de");
        var german = admin.post("/admin/events/" + event + "/cancel", Map.of("reason", " "));
        assertThat(german.body()).contains("Grund: Angabe erforderlich.");
        assertThat(api.get("/api/events/" + event).json().path("status").asText())
                .isEqualTo("scheduled");
    }

    @Test
    void aCancelledEventShowsWhyAndOffersNoMoreChanges() {
        admin.get("/admin/events/" + event);
        var confirmation = admin.post("/admin/events/" + event + "/cancel", Map.of("reason", "Snow"));
        assertThat(confirmation.body()).contains("2 bookers will be mailed.");

        admin.post("/admin/events/" + event + "/cancel", Map.of("reason", "Snow", "confirmed", "true"));

        // the first page after the change shows the seat map's answer, the later ones the read side once it follows
        eventually(() -> {
            var page = admin.get("/admin/events/" + event).body();
            return page.contains("data-cancelled") && page.contains("Snow") && !page.contains("data-form=");
        });
        var again = admin.post("/admin/events/" + event + "/cancel", Map.of("reason", "Snow", "confirmed", "true"));
        assertThat(again.body()).contains("This event was cancelled; it can no longer be booked or changed.");
        var visitor = new BrowserSession(port);
        eventually(() -> visitor.get("/events/" + event).body().contains("This event is cancelled."));
        assertThat(admin.get("/admin/events/" + event).body()).contains("Snow").doesNotContain("data-form=");
    }
}
