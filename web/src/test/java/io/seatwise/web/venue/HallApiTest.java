package io.seatwise.web.venue;

import static io.seatwise.web.ApiClient.exampleHall;
import static io.seatwise.web.ApiClient.exampleHallPrices;
import static io.seatwise.web.ApiClient.ints;
import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.web.ApplicationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real halls through the API (SPEC §1 and §3): layouts, prices per category, best available and the seat rules. */
class HallApiTest extends ApplicationTest {

    @Test
    void aVenueKeepsTheLayoutItWasCreatedWith() {
        var admin = adminToken();
        var id = api.createVenue(admin, "Example Hall", exampleHall());

        eventually(() -> api.get("/api/venues/" + id).status() == 200);
        var venue = api.get("/api/venues/" + id).json();

        assertThat(venue.path("capacity").asInt()).isEqualTo(34);
        assertThat(venue.path("rows").asInt()).isEqualTo(3);
        assertThat(venue.path("seatsPerRow").asInt()).isEqualTo(14);
        assertThat(sectionNames(venue.path("layout"))).containsExactly("Stalls", "Circle");
        assertThat(venue.path("layout")
                        .path("sections")
                        .path(0)
                        .path("rows")
                        .path(0)
                        .path("seats")
                        .asText())
                .isEqualTo("WC..PPPPPP..CW");
        assertThat(venue.path("layout").path("categories").path(3).path("kind").asText())
                .isEqualTo("wheelchair");
        assertThat(venue.path("layout").path("categories").path(0).path("kind").asText())
                .isEqualTo("standard");
        eventually(() -> api.get("/api/venues").body().contains(id));
        assertThat(api.get("/api/venues").json())
                .filteredOn(listed -> listed.path("id").asText().equals(id))
                .singleElement()
                .satisfies(listed -> assertThat(listed.has("layout")).isFalse());
    }

    @Test
    void aPlainGridIsOneSectionMainWithOneStandardCategory() {
        var admin = adminToken();
        var id = api.createVenue(admin, "Grid Hall", 2, 3);

        eventually(() -> api.get("/api/venues/" + id).status() == 200);
        var layout = api.get("/api/venues/" + id).json().path("layout");

        assertThat(sectionNames(layout)).containsExactly("Main");
        assertThat(layout.path("sections")
                        .path(0)
                        .path("rows")
                        .path(1)
                        .path("label")
                        .asText())
                .isEqualTo("B");
        assertThat(layout.path("sections")
                        .path(0)
                        .path("rows")
                        .path(1)
                        .path("seats")
                        .asText())
                .isEqualTo("SSS");
        assertThat(layout.path("categories").path(0).path("name").asText()).isEqualTo("Standard");
    }

    @Test
    void anInvalidLayoutIsRefusedNamingTheProblem() {
        var admin = adminToken();
        var undefined = Map.of(
                "categories", List.of(Map.of("code", "S", "name", "Standard")),
                "sections", List.of(Map.of("name", "Main", "rows", List.of(Map.of("label", "A", "seats", "SSX")))));
        var badKind = Map.of(
                "categories", List.of(Map.of("code", "S", "name", "Standard", "kind", "vip")),
                "sections", List.of(Map.of("name", "Main", "rows", List.of(Map.of("label", "A", "seats", "SS")))));

        var refused = api.post("/api/venues", Map.of("name", "Bad", "city", "X", "layout", undefined), admin);
        var kindRefused = api.post("/api/venues", Map.of("name", "Bad", "city", "X", "layout", badKind), admin);
        var both = api.post(
                "/api/venues",
                Map.of("name", "Bad", "city", "X", "layout", exampleHall(), "rows", 2, "seatsPerRow", 2),
                admin);

        assertThat(assertProblem(refused, 400, "category X").path("reason").asText())
                .isEqualTo("invalid-layout");
        assertThat(assertProblem(kindRefused, 400, "vip").path("reason").asText())
                .isEqualTo("invalid-layout");
        assertProblem(both, 400, "not both");
        assertThat(api.get("/api/venues").body()).doesNotContain("\"Bad\"");
    }

    @Test
    void aNewLayoutAppliesOnlyToEventsScheduledAfterwards() {
        var admin = adminToken();
        var venue = api.createVenue(admin, "Changing Hall", 2, 2);
        var before = api.scheduleEvent(admin, venue, "Before", inDays(5));

        var changed = api.put(
                "/api/venues/" + venue,
                Map.of("name", "Changed Hall", "city", "Leeds", "layout", exampleHall()),
                admin);
        var after = api.scheduleEvent(admin, venue, "After", inDays(6), exampleHallPrices(), "allow");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("name").asText()).isEqualTo("Changed Hall");
        assertThat(changed.json().path("capacity").asInt()).isEqualTo(34);
        eventually(() -> api.get("/api/events/" + after + "/seats").status() == 200);
        eventually(() -> api.get("/api/events/" + before + "/seats").status() == 200);
        assertThat(api.get("/api/events/" + before + "/seats")
                        .json()
                        .path("capacity")
                        .asInt())
                .isEqualTo(4);
        assertThat(sectionNames(
                        api.get("/api/events/" + before + "/seats").json().path("layout")))
                .containsExactly("Main");
        assertThat(sectionNames(
                        api.get("/api/events/" + after + "/seats").json().path("layout")))
                .containsExactly("Stalls", "Circle");
        eventually(() ->
                api.get("/api/venues/" + venue).json().path("name").asText().equals("Changed Hall"));
        assertThat(api.get("/api/venues/" + venue).json().path("city").asText()).isEqualTo("Leeds");
        assertProblem(
                api.put("/api/venues/00000000-0000-4000-8000-000000000000", Map.of("name", "X", "city", "Y"), admin),
                404);
    }

    @Test
    void anEventIsPricedPerCategoryAndEveryCategoryNeedsAPrice() {
        var admin = adminToken();
        var venue = api.createVenue(admin, "Priced Hall", exampleHall());
        var event = api.scheduleEvent(admin, venue, "Priced", inDays(5), exampleHallPrices(), "refuse");

        eventually(() -> api.event(event).isPresent());
        var shown = api.event(event).orElseThrow();
        assertThat(shown.path("prices").path("P").asLong()).isEqualTo(4500);
        assertThat(shown.path("priceCents").asLong())
                .as("from: the lowest price of a seat anyone may book")
                .isEqualTo(1200);
        assertThat(shown.path("singleSeatRule").asText()).isEqualTo("refuse");
        assertThat(shown.path("status").asText()).isEqualTo("scheduled");

        var missing = Map.of("P", 4500L, "S", 2500L);
        assertProblem(schedule(admin, venue, Map.of("prices", missing)), 400, "category R");
        assertProblem(
                schedule(admin, venue, Map.of("prices", Map.of("P", 1L, "S", 1L, "R", 1L, "W", 1L, "C", 1L, "X", 1L))),
                400,
                "no category X");
        assertProblem(schedule(admin, venue, Map.of("priceCents", 100, "singleSeatRule", "sometimes")), 400);
        assertProblem(schedule(admin, venue, Map.of()), 400);
        assertProblem(
                schedule(admin, venue, Map.of("priceCents", 100, "prices", exampleHallPrices())), 400, "not both");
    }

    @Test
    void bestAvailableBooksTheBestBlockAndSaysWhichSeats() {
        var admin = adminToken();
        var venue = api.createVenue(admin, "Best Hall", exampleHall());
        var event = api.scheduleEvent(admin, venue, "Best", inDays(5), exampleHallPrices(), "allow");
        var ann = api.newUserToken("Ann");

        var premium = api.bookBestAvailable(ann, event, 2, "P");
        var wheelchair = api.bookBestAvailable(ann, event, 2, "W");
        var anyTwo = api.bookBestAvailable(ann, event, 2, null);
        var restricted = api.bookBestAvailable(ann, event, 2, "R");

        // Stalls A: W C . . P P P P P P . . C W; its centre lies between the third and fourth premium seat
        assertThat(premium.status()).as(premium.body()).isEqualTo(201);
        assertThat(ints(premium.json().path("seats"))).containsExactly(5, 6);
        assertThat(premium.json().path("seatLabels").toString())
                .isEqualTo("[\"Stalls, Row A, Seat 5\",\"Stalls, Row A, Seat 6\"]");
        assertThat(ints(wheelchair.json().path("seats"))).containsExactly(1, 2);
        assertThat(ints(anyTwo.json().path("seats"))).as("front row first").containsExactly(3, 4);
        assertThat(assertProblem(restricted, 409).path("reason").asText()).isEqualTo("no-adjacent-block");
        assertProblem(api.bookBestAvailable(ann, event, 0, null), 400);
        assertProblem(api.bookBestAvailable(ann, event, 2, "X"), 400, "no seat category X");
        eventually(() -> api.seatMapShows(event, List.of(1, 2, 3, 4, 5, 6)));
    }

    @Test
    void companionSeatsComeWithAWheelchairSpaceAndSingleSeatsAreRefusedWhereTheEventSaysSo() {
        var admin = adminToken();
        var venue = api.createVenue(admin, "Rules Hall", exampleHall());
        var event = api.scheduleEvent(admin, venue, "Rules", inDays(5), exampleHallPrices(), "refuse");
        var ann = api.newUserToken("Ann");

        var companionAlone = api.book(ann, event, List.of(2));
        var stranding = api.book(ann, event, List.of(11, 12));
        var together = api.book(ann, event, List.of(1, 2));

        var companion = assertProblem(companionAlone, 409);
        assertThat(companion.path("reason").asText()).isEqualTo("companion-without-wheelchair");
        assertThat(ints(companion.path("companionSeats"))).containsExactly(2);
        var single = assertProblem(stranding, 409);
        assertThat(single.path("reason").asText()).isEqualTo("single-seat");
        assertThat(ints(single.path("strandedSeats"))).containsExactly(13);
        assertThat(together.status()).as(together.body()).isEqualTo(201);
        var wheelchairAlone = api.book(api.newUserToken("Wendy"), event, List.of(10));
        assertThat(wheelchairAlone.status())
                .as("a companion seat left beside a wheelchair space is not a stranded seat: " + wheelchairAlone.body())
                .isEqualTo(201);
        eventually(() -> api.seatMapShows(event, List.of(1, 2, 10)));
    }

    private io.seatwise.web.ApiClient.Response schedule(String admin, String venue, Map<String, Object> pricing) {
        var body = new java.util.HashMap<String, Object>(Map.of(
                "venueId", venue, "title", "Refused", "startsAt", inDays(5).toString()));
        body.putAll(pricing);
        return api.post("/api/events", body, admin);
    }

    private static List<String> sectionNames(JsonNode layout) {
        var names = new ArrayList<String>();
        layout.path("sections")
                .forEach(section -> names.add(section.path("name").asText()));
        return names;
    }
}
