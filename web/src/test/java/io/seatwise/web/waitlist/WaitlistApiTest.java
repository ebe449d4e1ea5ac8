package io.seatwise.web.waitlist;

import static io.seatwise.web.ApiClient.ints;
import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The waitlist through the JSON API: joining only when the event cannot seat you, the queue's positions, an offer
 * made by a cancellation (held on the seat map, nobody else's), accepting it as a booking, leaving, and every refusal.
 * Expiry runs against the clock: {@link WaitlistRestartTest}.
 */
class WaitlistApiTest extends ApplicationTest {

    @Test
    void joiningWhileSeatsSideBySideAreFreeIsRefused() {
        var event = eventOnSale("Open Hall", 1, 4, "Plenty left", 5);
        var ann = api.newUserToken("Ann");

        var refused = join(ann, event, 2);

        refused(refused, 409, "seats-available");
        assertThat(waitlistOf(ann)).isEmpty();
    }

    @Test
    void peopleJoinASoldOutEventInTurn() {
        var event = soldOut("Queue Hall");
        var ann = api.newUserToken("Ann");
        var bob = api.newUserToken("Bob");

        var first = join(ann, event, 2);
        var second = join(bob, event, 1);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("position").asInt()).isEqualTo(1);
        assertThat(first.json().get("id").asText()).isNotBlank();
        assertThat(second.json().get("position").asInt()).isEqualTo(2);
        eventually(() -> entry(bob).map(e -> e.get("position").asInt() == 2).orElse(false));
        var mine = entry(ann).orElseThrow();
        assertThat(mine.get("eventId").asText()).isEqualTo(event);
        assertThat(mine.get("count").asInt()).isEqualTo(2);
        assertThat(mine.get("status").asText()).isEqualTo("waiting");
        assertThat(mine.get("position").asInt()).isEqualTo(1);
        assertThat(mine.has("offer")).isTrue();
        assertThat(mine.get("offer").isNull()).isTrue();
    }

    @Test
    void anAccountWaitsOnceForAnEvent() {
        var event = soldOut("Once Hall");
        var ann = api.newUserToken("Ann");
        join(ann, event, 2);

        refused(join(ann, event, 1), 409, "already-waiting");
    }

    @Test
    void aCancellationHoldsItsSeatsForTheFirstInLineAndNobodyElseCanBookThem() {
        var admin = adminToken();
        var event = eventOnSale("Held Hall", 1, 4, "Held seats", 5);
        var holder = api.newUserToken("Holder");
        var booking = api.book(holder, event, List.of(1, 2, 3, 4))
                .json()
                .get("bookingId")
                .asText();
        var ann = api.newUserToken("Ann");
        join(ann, event, 2);

        assertThat(api.delete("/api/bookings/" + booking, holder).status()).isEqualTo(204);

        eventually(() -> ints(api.get("/api/events/" + event + "/seats").json().get("held"))
                .equals(List.of(2, 3)));
        eventually(() ->
                entry(ann).map(e -> e.get("status").asText().equals("offered")).orElse(false));
        var offer = entry(ann).orElseThrow().get("offer");
        assertThat(ints(offer.get("seats"))).containsExactly(2, 3);
        var expiresAt = Instant.parse(offer.get("expiresAt").asText());
        assertThat(expiresAt)
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(29)),
                        Instant.now().plus(Duration.ofMinutes(31)));
        var cy = api.newUserToken("Cy");
        var taken = api.book(cy, event, List.of(3, 4));
        refused(taken, 409, "seats-unavailable");
        assertThat(ints(taken.json().get("unavailableSeats"))).containsExactly(3);
        refused(api.bookBestAvailable(cy, event, 2, null), 409, "no-adjacent-block");
        assertThat(api.book(cy, event, List.of(4)).status()).isEqualTo(201);
        assertThat(admin).isNotBlank();
    }

    @Test
    void acceptingBooksTheHeldSeatsForTheAccount() {
        var event = eventOnSale("Accept Hall", 1, 4, "Accepted", 5);
        var holder = api.newUserToken("Holder");
        var booking = api.book(holder, event, List.of(1, 2, 3, 4))
                .json()
                .get("bookingId")
                .asText();
        var ann = api.newUserToken("Ann");
        var entryId = join(ann, event, 2).json().get("id").asText();
        api.delete("/api/bookings/" + booking, holder);
        eventually(() ->
                entry(ann).map(e -> e.get("status").asText().equals("offered")).orElse(false));

        var accepted = api.post("/api/waitlist/" + entryId + "/accept", Map.of(), ann);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(ints(accepted.json().get("seats"))).containsExactly(2, 3);
        assertThat(accepted.json().get("eventId").asText()).isEqualTo(event);
        assertThat(accepted.json().get("reference").asText()).matches("[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}");
        var bookingId = accepted.json().get("bookingId").asText();
        eventually(() -> api.bookedSeats(event).equals(List.of(2, 3))
                && ints(api.get("/api/events/" + event + "/seats").json().get("held"))
                        .isEmpty());
        eventually(() ->
                entry(ann).map(e -> e.get("status").asText().equals("booked")).orElse(false));
        eventually(() -> api.get("/api/me/bookings", ann)
                .json()
                .findValuesAsText("bookingId")
                .contains(bookingId));
        assertThat(api.get("/api/bookings/" + bookingId, ann).status()).isIn(200, 404);
        refused(api.post("/api/waitlist/" + entryId + "/accept", Map.of(), ann), 409, "waitlist-entry-ended");
        refused(api.delete("/api/waitlist/" + entryId, ann), 409, "waitlist-entry-ended");
        assertThat(api.delete("/api/bookings/" + bookingId, ann).status()).isEqualTo(204);
    }

    @Test
    void acceptingBeforeAnyOfferIsRefused() {
        var event = soldOut("Early Hall");
        var ann = api.newUserToken("Ann");
        var entryId = join(ann, event, 2).json().get("id").asText();

        refused(api.post("/api/waitlist/" + entryId + "/accept", Map.of(), ann), 409, "no-offer");
    }

    @Test
    void leavingWithAnOfferHandsTheSeatsToTheNextInLine() {
        var event = eventOnSale("Leave Hall", 1, 4, "Left", 5);
        var holder = api.newUserToken("Holder");
        var booking = api.book(holder, event, List.of(1, 2, 3, 4))
                .json()
                .get("bookingId")
                .asText();
        var ann = api.newUserToken("Ann");
        var bob = api.newUserToken("Bob");
        var annsEntry = join(ann, event, 3).json().get("id").asText();
        join(bob, event, 2);
        api.delete("/api/bookings/" + booking, holder);
        eventually(() ->
                entry(ann).map(e -> e.get("status").asText().equals("offered")).orElse(false));

        assertThat(api.delete("/api/waitlist/" + annsEntry, ann).status()).isEqualTo(204);

        eventually(() ->
                entry(ann).map(e -> e.get("status").asText().equals("left")).orElse(false));
        eventually(() ->
                entry(bob).map(e -> e.get("status").asText().equals("offered")).orElse(false));
        assertThat(ints(entry(bob).orElseThrow().get("offer").get("seats"))).containsExactly(2, 3);
    }

    @Test
    void onlyTheOwnerLeavesOrAccepts() {
        var event = soldOut("Owner Hall");
        var ann = api.newUserToken("Ann");
        var bob = api.newUserToken("Bob");
        var entryId = join(ann, event, 2).json().get("id").asText();

        refused(api.delete("/api/waitlist/" + entryId, bob), 403, "not-your-waitlist-entry");
        refused(api.post("/api/waitlist/" + entryId + "/accept", Map.of(), bob), 403, "not-your-waitlist-entry");
        refused(api.delete("/api/waitlist/0190c0de-0000-7000-8000-000000000000", ann), 404, "no-such-waitlist-entry");
        assertThat(api.delete("/api/waitlist/" + entryId, null).status()).isEqualTo(401);
        assertThat(api.delete("/api/waitlist/" + entryId, ann).status()).isEqualTo(204);
        refused(api.delete("/api/waitlist/" + entryId, ann), 409, "waitlist-entry-ended");
    }

    @Test
    void badRequestsChangeNothing() {
        var event = soldOut("Bad Hall");
        var ann = api.newUserToken("Ann");

        refused(join(ann, event, 0), 400, "invalid-out-of-range");
        refused(join(ann, event, 11), 400, "invalid-out-of-range");
        refused(
                api.post("/api/events/" + event + "/waitlist", Map.of("count", 2, "category", "Z"), ann),
                400,
                "invalid-unknown-category");
        refused(join(ann, "0190c0de-0000-7000-8000-000000000000", 2), 404, "no-such-event");
        assertThat(api.post("/api/events/" + event + "/waitlist", Map.of("count", 2), null)
                        .status())
                .isEqualTo(401);
        assertThat(waitlistOf(ann)).isEmpty();
    }

    @Test
    void cancellingTheEventEndsItsWaitlist() {
        var event = soldOut("Cancelled Hall");
        var ann = api.newUserToken("Ann");
        join(ann, event, 2);

        var cancelled = api.post("/api/events/" + event + "/cancel", Map.of("reason", "Storm"), adminToken());

        assertThat(cancelled.status()).isEqualTo(200);
        eventually(() ->
                entry(ann).map(e -> e.get("status").asText().equals("expired")).orElse(false));
        refused(join(api.newUserToken("Bob"), event, 2), 409, "event-cancelled");
    }

    @Test
    void adminsSeeEachEventsWaitlistLength() {
        var event = soldOut("Counted Hall");
        join(api.newUserToken("Ann"), event, 2);
        join(api.newUserToken("Bob"), event, 1);

        eventually(() -> statsOf(event)
                .map(e -> e.get("waiting").asInt() == 2 && e.get("offered").asInt() == 0)
                .orElse(false));
        assertThat(api.get("/api/admin/stats/waitlists", api.newUserToken("Nosy"))
                        .status())
                .isEqualTo(403);

        var admin = new BrowserSession(port);
        admin.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        var dashboard = admin.get("/admin").body();
        var row = dashboard.substring(dashboard.indexOf("data-event=\"" + event + "\""));
        var cell = row.indexOf("data-figure=\"waitlist\"");
        var waitlist = row.substring(cell, row.indexOf("</td>", cell));
        assertThat(waitlist).contains("2 (0 offered)");
    }

    /** A problem with the status and the reason. */
    static void refused(ApiClient.Response response, int status, String reason) {
        assertThat(assertProblem(response, status).path("reason").asText())
                .as(response.body())
                .isEqualTo(reason);
    }

    private Optional<JsonNode> statsOf(String event) {
        var response = api.get("/api/admin/stats/waitlists", adminToken());
        assertThat(response.status()).isEqualTo(200);
        for (var row : response.json()) {
            if (row.get("eventId").asText().equals(event)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** An event of four seats in one row, all booked. */
    private String soldOut(String venue) {
        var event = eventOnSale(venue, 1, 4, venue + " night", 5);
        assertThat(api.book(api.newUserToken("Holder"), event, List.of(1, 2, 3, 4))
                        .status())
                .isEqualTo(201);
        return event;
    }

    private ApiClient.Response join(String token, String event, int count) {
        return api.post("/api/events/" + event + "/waitlist", Map.of("count", count), token);
    }

    private JsonNode waitlistOf(String token) {
        var response = api.get("/api/me/waitlist", token);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    /** The account's only entry, once the read side has it. */
    private Optional<JsonNode> entry(String token) {
        var entries = waitlistOf(token);
        return entries.size() == 0 ? Optional.empty() : Optional.of(entries.get(0));
    }
}
