package io.seatwise.web.event;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventApiTest extends ApplicationTest {

    @Test
    void adminSchedulesAnEventWithAllSeatsAvailable() {
        var admin = adminToken();
        var venue = api.createVenue(admin, "Hall", 3, 4);
        var startsAt = inDays(5);

        var response = api.post(
                "/api/events",
                Map.of(
                        "venueId",
                        venue,
                        "title",
                        "Premiere",
                        "description",
                        "The first night",
                        "startsAt",
                        startsAt.toString(),
                        "priceCents",
                        2500),
                admin);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var event = response.json();
        var id = event.get("id").asText();
        assertThat(event.get("venueId").asText()).isEqualTo(venue);
        assertThat(event.get("title").asText()).isEqualTo("Premiere");
        assertThat(event.get("capacity").asInt()).isEqualTo(12);
        assertThat(event.get("available").asInt()).isEqualTo(12);
        eventually(() -> api.get("/api/events/" + id).status() == 200);
        var stored = api.get("/api/events/" + id).json();
        assertThat(stored.get("capacity").asInt()).isEqualTo(12);
        assertThat(stored.get("available").asInt()).isEqualTo(12);
        assertThat(stored.get("booked").asInt()).isZero();
        assertThat(stored.get("priceCents").asLong()).isEqualTo(2500);
    }

    @Test
    void userMayNotScheduleAnEvent() {
        var venue = api.createVenue(adminToken(), "Hall", 3, 4);

        var response = api.post(
                "/api/events",
                Map.of("venueId", venue, "title", "Mine", "startsAt", inDays(5).toString(), "priceCents", 0),
                api.newUserToken("Ulla"));

        assertProblem(response, 403);
    }

    @Test
    void unknownEventIsNotFound() {
        var response = api.get("/api/events/" + UUID.randomUUID());

        assertProblem(response, 404);
    }

    @Test
    void seatMapOfAnUnknownEventIsNotFound() {
        var response = api.get("/api/events/" + UUID.randomUUID() + "/seats");

        assertProblem(response, 404);
    }
}
