package io.seatwise.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real refusals held against the description: each is answered as the operation's description says (its status,
 * with the example named after it), has exactly the members of that example and only members that the Problem schema
 * declares, and its detail reads like the example's once ids and times are set aside.
 */
class ProblemExamplesTest extends ApplicationTest {

    private JsonNode description;

    @BeforeEach
    void description() {
        description = api.get("/v3/api-docs").json();
    }

    @Test
    void invalidInputIsAnsweredAsDescribed() throws IOException {
        var invalid = api.post("/api/users", Map.of("email", "not-an-email", "password", "x", "displayName", " "));
        answersAsDescribed("invalid-input", "post", "/api/users", invalid);

        var malformed = api.postRaw("/api/users", "{\"email\": ", null);
        answersAsDescribed("malformed-json", "post", "/api/users", malformed);

        answersAsDescribed("invalid-parameter", "get", "/api/events", api.get("/api/events?size=0"));
    }

    @Test
    void missingTokenAndRoleAreAnsweredAsDescribed() throws IOException {
        answersAsDescribed("unauthorized", "get", "/api/me/bookings", api.get("/api/me/bookings"));
        var venue = Map.of("name", "Mine", "city", "Here", "rows", 1, "seatsPerRow", 1);
        var user = api.newUserToken("Uwe");
        answersAsDescribed("forbidden", "post", "/api/venues", api.post("/api/venues", venue, user));
    }

    @Test
    void accountRefusalsAreAnsweredAsDescribed() throws IOException {
        var email = "taken-" + UUID.randomUUID() + "@example.com";
        api.register(email, ApiClient.USER_PASSWORD, "Tess");
        var again = Map.of("email", email, "password", ApiClient.USER_PASSWORD, "displayName", "Tess");
        answersAsDescribed("email-taken", "post", "/api/users", api.post("/api/users", again));

        var common = Map.of(
                "email", "c-" + UUID.randomUUID() + "@example.com", "password", "password1", "displayName", "Cleo");
        answersAsDescribed("common-password", "post", "/api/users", api.post("/api/users", common));

        var wrong = Map.of("email", email, "password", "not-the-password");
        answersAsDescribed("wrong-credentials", "post", "/api/auth/token", api.post("/api/auth/token", wrong));
        ApiClient.Response throttled;
        do {
            throttled = api.post("/api/auth/token", wrong);
        } while (throttled.status() == 401);
        answersAsDescribed("too-many-sign-ins", "post", "/api/auth/token", throttled);
    }

    @Test
    void credentialRefusalsAreAnsweredAsDescribed() throws IOException {
        var noSuchLink = "q5Xr0m3vV7kYb2Jc9LwT1sDf8GhN4pZa6UeK0iOyRt4";
        answersAsDescribed(
                "invalid-token",
                "post",
                "/api/users/verify",
                api.post("/api/users/verify", Map.of("token", noSuchLink)));
        answersAsDescribed(
                "invalid-token",
                "post",
                "/api/password-resets/confirm",
                api.post(
                        "/api/password-resets/confirm",
                        Map.of("token", noSuchLink, "newPassword", "a-long-new-password")));
        var pam = api.newUserToken("Pam");
        answersAsDescribed(
                "wrong-password",
                "put",
                "/api/me/password",
                api.put(
                        "/api/me/password",
                        Map.of("currentPassword", "not-the-password", "newPassword", "a-long-new-password"),
                        pam));
    }

    @Test
    void languageRefusalsAreAnsweredAsDescribed() throws IOException {
        var french = Map.of(
                "email",
                "l-" + UUID.randomUUID() + "@example.com",
                "password",
                ApiClient.USER_PASSWORD,
                "displayName",
                "Lea",
                "language",
                "fr");
        answersAsDescribed("unknown-language", "post", "/api/users", api.post("/api/users", french));
        var lea = api.newUserToken("Lea");
        answersAsDescribed(
                "unknown-language",
                "put",
                "/api/me/language",
                api.put("/api/me/language", Map.of("language", "fr"), lea));
    }

    @Test
    void roleRefusalsAreAnsweredAsDescribed() throws IOException {
        var admin = adminToken();
        var path = "/api/admin/users/{id}/role";
        var user = api.register("r-" + UUID.randomUUID() + "@example.com", ApiClient.USER_PASSWORD, "Rolf");
        answersAsDescribed(
                "invalid-role",
                "put",
                path,
                api.put("/api/admin/users/" + user + "/role", Map.of("role", "KING"), admin));
        var unknown = "/api/admin/users/" + UUID.randomUUID() + "/role";
        answersAsDescribed("account-not-found", "put", path, api.put(unknown, Map.of("role", "STAFF"), admin));
        var self = api.get("/api/admin/users?email=" + ADMIN_EMAIL, admin)
                .json()
                .get(0)
                .path("id")
                .asText();
        answersAsDescribed(
                "own-admin-role",
                "put",
                path,
                api.put("/api/admin/users/" + self + "/role", Map.of("role", "USER"), admin));
    }

    @Test
    void deadLetterRefusalsAreAnsweredAsDescribed() throws IOException {
        var admin = adminToken();
        var unknown = UUID.randomUUID();
        answersAsDescribed(
                "dead-letter-not-found",
                "post",
                "/api/admin/dead-letters/{id}/retry",
                api.post("/api/admin/dead-letters/" + unknown + "/retry", Map.of(), admin));
        answersAsDescribed(
                "dead-letter-not-found",
                "delete",
                "/api/admin/dead-letters/{id}",
                api.delete("/api/admin/dead-letters/" + unknown, admin));
    }

    @Test
    void bookingRefusalsAreAnsweredAsDescribed() throws IOException {
        var event = eventIn7Days("Example Hall", 2, 5);
        var ann = api.newUserToken("Ann");
        var path = "/api/events/{id}/bookings";
        answersAsDescribed("invalid-seats", "post", path, api.book(ann, event, List.of(0, 5, 5, 99)));
        var booked = api.book(ann, event, List.of(3, 4));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        var bob = api.newUserToken("Bob");
        answersAsDescribed("seats-unavailable", "post", path, api.book(bob, event, List.of(3, 4, 5)));
        answersAsDescribed(
                "event-not-found", "post", path, api.book(ann, UUID.randomUUID().toString(), List.of(1)));

        var booking = booked.json().path("bookingId").asText();
        var cancel = "/api/bookings/{bookingId}";
        answersAsDescribed("not-your-booking", "delete", cancel, api.delete("/api/bookings/" + booking, bob));
        assertThat(api.delete("/api/bookings/" + booking, ann).status()).isEqualTo(204);
        answersAsDescribed("already-cancelled", "delete", cancel, api.delete("/api/bookings/" + booking, ann));
        var unknown = "/api/bookings/" + UUID.randomUUID();
        answersAsDescribed("booking-not-found", "delete", cancel, api.delete(unknown, ann));
    }

    @Test
    void theLimitPerAccountIsAnsweredAsDescribed() throws IOException {
        var admin = adminToken();
        var scheduled = api.post(
                "/api/events",
                Map.of(
                        "venueId",
                        api.createVenue(admin, "Limit Example Hall", 2, 5),
                        "title",
                        "Limited night",
                        "startsAt",
                        inDays(7).toString(),
                        "priceCents",
                        1000,
                        "maxSeatsPerAccount",
                        4),
                admin);
        var event = scheduled.json().path("id").asText();
        var ann = api.newUserToken("Ann");
        assertThat(api.book(ann, event, List.of(1, 2, 3)).status()).isEqualTo(201);

        answersAsDescribed("account-limit", "post", "/api/events/{id}/bookings", api.book(ann, event, List.of(4, 5)));
    }

    @Test
    void ticketRefusalsAreAnsweredAsDescribed() throws IOException {
        var event = eventIn7Days("Ticket Example Hall", 1, 4);
        var ann = api.newUserToken("Ann");
        var booking = api.book(ann, event, List.of(2)).json().path("bookingId").asText();
        var bob = api.newUserToken("Bob");
        var read = "/api/bookings/{bookingId}";
        answersAsDescribed("not-your-booking", "get", read, api.get("/api/bookings/" + booking, bob));
        answersAsDescribed("booking-not-found", "get", read, api.get("/api/bookings/" + UUID.randomUUID(), ann));
        var pdf = "/api/bookings/{bookingId}/tickets.pdf";
        answersAsDescribed("not-your-booking", "get", pdf, api.get("/api/bookings/" + booking + "/tickets.pdf", bob));

        assertThat(api.delete("/api/bookings/" + booking, ann).status()).isEqualTo(204);
        eventually(() -> api.get("/api/bookings/" + booking, ann).status() == 200);
        answersAsDescribed("already-cancelled", "get", pdf, api.get("/api/bookings/" + booking + "/tickets.pdf", ann));
        answersAsDescribed(
                "already-cancelled",
                "get",
                "/api/bookings/{bookingId}/calendar.ics",
                api.get("/api/bookings/" + booking + "/calendar.ics", ann));
    }

    @Test
    void refusalsInTimeAreAnsweredAsDescribed() throws Exception {
        var admin = adminToken();
        var venue = api.createVenue(admin, "Late Hall", 1, 4);
        var soon = api.scheduleEvent(admin, venue, "Starts soon", Instant.now().plus(Duration.ofHours(2)));
        var now = api.scheduleEvent(admin, venue, "Starts now", Instant.now().plusSeconds(2));
        var ann = api.newUserToken("Ann");
        var booked = api.book(ann, soon, List.of(1));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        var booking = "/api/bookings/" + booked.json().path("bookingId").asText();
        answersAsDescribed("past-cancellation-cutoff", "delete", "/api/bookings/{bookingId}", api.delete(booking, ann));

        Thread.sleep(2_500);
        answersAsDescribed("event-started", "post", "/api/events/{id}/bookings", api.book(ann, now, List.of(1)));
    }

    @Test
    void eventLifeRefusalsAreAnsweredAsDescribed() throws Exception {
        var admin = adminToken();
        var venue = api.createVenue(admin, "Life Hall", 1, 4);
        var event = api.scheduleEvent(admin, venue, "Called off", inDays(7));
        var path = "/api/events/" + event;
        answersAsDescribed("nothing-to-change", "patch", "/api/events/{id}", api.patch(path, Map.of(), admin));
        answersAsDescribed(
                "event-not-found",
                "patch",
                "/api/events/{id}",
                api.patch("/api/events/" + UUID.randomUUID(), Map.of("title", "Ghost"), admin));
        answersAsDescribed(
                "event-not-found",
                "post",
                "/api/events/{id}/cancel",
                api.post("/api/events/" + UUID.randomUUID() + "/cancel", Map.of("reason", "Ghost"), admin));
        assertThat(api.post(path + "/cancel", Map.of("reason", "Storm"), admin).status())
                .isEqualTo(200);
        answersAsDescribed(
                "event-already-cancelled",
                "post",
                "/api/events/{id}/cancel",
                api.post(path + "/cancel", Map.of("reason", "Again"), admin));
        answersAsDescribed(
                "event-already-cancelled",
                "patch",
                "/api/events/{id}",
                api.patch(path, Map.of("title", "Back on"), admin));
        var ann = api.newUserToken("Ann");
        answersAsDescribed("event-cancelled", "post", "/api/events/{id}/bookings", api.book(ann, event, List.of(1)));

        var now = api.scheduleEvent(admin, venue, "Starts now", Instant.now().plusSeconds(2));
        Thread.sleep(2_500);
        answersAsDescribed(
                "event-over",
                "post",
                "/api/events/{id}/cancel",
                api.post("/api/events/" + now + "/cancel", Map.of("reason", "Late"), admin));
        answersAsDescribed(
                "event-over",
                "patch",
                "/api/events/{id}",
                api.patch("/api/events/" + now, Map.of("title", "X"), admin));
    }

    @Test
    void hallRefusalsAreAnsweredAsDescribed() throws IOException {
        var admin = adminToken();
        var undefinedCategory = Map.of(
                "categories", List.of(Map.of("code", "S", "name", "Standard")),
                "sections", List.of(Map.of("name", "Main", "rows", List.of(Map.of("label", "A", "seats", "SSX")))));
        answersAsDescribed(
                "invalid-layout",
                "post",
                "/api/venues",
                api.post("/api/venues", Map.of("name", "Bad", "city", "X", "layout", undefinedCategory), admin));
        var venue = api.createVenue(admin, "Example Hall", ApiClient.exampleHall());
        var event = api.scheduleEvent(admin, venue, "Hall night", inDays(7), ApiClient.exampleHallPrices(), "refuse");
        var ann = api.newUserToken("Ann");
        var path = "/api/events/{id}/bookings";
        answersAsDescribed("no-adjacent-block", "post", path, api.bookBestAvailable(ann, event, 2, "R"));
        answersAsDescribed("single-seat", "post", path, api.book(ann, event, List.of(11, 12)));
        answersAsDescribed("companion-without-wheelchair", "post", path, api.book(ann, event, List.of(2)));
    }

    @Test
    void referenceRefusalsAreAnsweredAsDescribed() throws IOException {
        var admin = adminToken();
        var path = "/api/admin/bookings/{reference}";
        answersAsDescribed("not-a-reference", "get", path, api.get("/api/admin/bookings/K7P-3QX", admin));
        answersAsDescribed("reference-not-found", "get", path, api.get("/api/admin/bookings/K7P-3QX-9M2", admin));
    }

    @Test
    void doorRefusalsAreAnsweredAsDescribed() throws IOException {
        var admin = adminToken();
        var event = eventIn7Days("Door Hall", 1, 4);
        var other = eventIn7Days("Other Door Hall", 1, 4);
        var ann = api.newUserToken("Ann");
        var kept = api.book(ann, event, List.of(1)).json().path("reference").asText();
        var dropped = api.book(ann, event, List.of(2)).json();
        assertThat(api.delete("/api/bookings/" + dropped.path("bookingId").asText(), ann)
                        .status())
                .isEqualTo(204);
        var elsewhere =
                api.book(ann, other, List.of(1)).json().path("reference").asText();
        var path = "/api/events/{id}/check-ins";
        var checkIns = "/api/events/" + event + "/check-ins";
        assertThat(api.post(checkIns, Map.of("reference", kept, "seat", 1), admin)
                        .status())
                .isEqualTo(200);
        answersAsDescribed(
                "already-checked-in", "post", path, api.post(checkIns, Map.of("reference", kept, "seat", 1), admin));
        answersAsDescribed(
                "cancelled",
                "post",
                path,
                api.post(checkIns, Map.of("reference", dropped.path("reference").asText(), "seat", 2), admin));
        answersAsDescribed(
                "invalid-code", "post", path, api.post(checkIns, Map.of("reference", kept, "seat", 2), admin));
        answersAsDescribed(
                "wrong-event", "post", path, api.post(checkIns, Map.of("reference", elsewhere, "seat", 1), admin));
        var unknownEvent = "/api/events/" + UUID.randomUUID() + "/check-ins";
        answersAsDescribed(
                "event-not-found", "post", path, api.post(unknownEvent, Map.of("reference", kept, "seat", 1), admin));
        answersAsDescribed(
                "event-not-found",
                "get",
                "/api/events/{id}/attendance",
                api.get("/api/events/" + UUID.randomUUID() + "/attendance", admin));
    }

    @Test
    void reviewRefusalsAreAnsweredAsDescribed() throws IOException {
        var event = eventIn7Days("Review Hall", 1, 4);
        var ann = api.newUserToken("Ann");
        var review = Map.of("rating", 4, "text", "Good seats");
        var reviews = "/api/events/{id}/reviews";
        answersAsDescribed("not-a-booker", "post", reviews, api.post("/api/events/" + event + "/reviews", review, ann));
        assertThat(api.book(ann, event, List.of(2)).status()).isEqualTo(201);
        var created = api.post("/api/events/" + event + "/reviews", review, ann);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        answersAsDescribed(
                "already-reviewed", "post", reviews, api.post("/api/events/" + event + "/reviews", review, ann));

        var id = "/api/reviews/" + created.json().path("id").asText();
        var bob = api.newUserToken("Bob");
        answersAsDescribed("not-the-author", "put", "/api/reviews/{id}", api.put(id, review, bob));
        var unknown = "/api/reviews/" + UUID.randomUUID();
        answersAsDescribed("review-not-found", "delete", "/api/reviews/{id}", api.delete(unknown, ann));
        answersAsDescribed("venue-not-found", "get", "/api/venues/{id}", api.get("/api/venues/" + UUID.randomUUID()));
    }

    @Test
    void waitlistRefusalsAreAnsweredAsDescribed() throws IOException {
        var event = eventIn7Days("Waitlist Hall", 1, 4);
        var join = "/api/events/{id}/waitlist";
        var path = "/api/events/" + event + "/waitlist";
        var ann = api.newUserToken("Ann");
        answersAsDescribed("seats-available", "post", join, api.post(path, Map.of("count", 2), ann));
        answersAsDescribed("invalid-count", "post", join, api.post(path, Map.of("count", 11), ann));
        assertThat(api.book(api.newUserToken("Holder"), event, List.of(1, 2, 3, 4))
                        .status())
                .isEqualTo(201);
        var entry = api.post(path, Map.of("count", 2), ann);
        assertThat(entry.status()).as(entry.body()).isEqualTo(201);
        answersAsDescribed("already-waiting", "post", join, api.post(path, Map.of("count", 1), ann));

        var entryPath = "/api/waitlist/" + entry.json().path("id").asText();
        var accept = "/api/waitlist/{id}/accept";
        answersAsDescribed("no-offer", "post", accept, api.post(entryPath + "/accept", Map.of(), ann));
        var bob = api.newUserToken("Bob");
        answersAsDescribed("not-your-waitlist-entry", "delete", "/api/waitlist/{id}", api.delete(entryPath, bob));
        answersAsDescribed(
                "waitlist-entry-not-found",
                "post",
                accept,
                api.post("/api/waitlist/" + UUID.randomUUID() + "/accept", Map.of(), ann));
        assertThat(api.delete(entryPath, ann).status()).isEqualTo(204);
        answersAsDescribed("waitlist-entry-ended", "delete", "/api/waitlist/{id}", api.delete(entryPath, ann));
    }

    /** Scheduled on the command side, where bookings and reviews are decided; the read side is not waited for. */
    private String eventIn7Days(String venue, int rows, int seatsPerRow) {
        var admin = adminToken();
        return api.scheduleEvent(admin, api.createVenue(admin, venue, rows, seatsPerRow), venue + " night", inDays(7));
    }

    private void answersAsDescribed(String example, String method, String path, ApiClient.Response actual)
            throws IOException {
        DescribedProblems.answersAsDescribed(description, example, method, path, actual);
    }
}
