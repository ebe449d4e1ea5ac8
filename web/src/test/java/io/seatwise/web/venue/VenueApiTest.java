package io.seatwise.web.venue;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VenueApiTest extends ApplicationTest {

    private static final Map<String, Object> HALL =
            Map.of("name", "The Test Hall", "city", "Bristol", "rows", 3, "seatsPerRow", 4);

    @Test
    void adminCreatesAVenue() {
        var response = api.post("/api/venues", HALL, adminToken());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var venue = response.json();
        var id = venue.get("id").asText();
        assertThat(venue.get("name").asText()).isEqualTo("The Test Hall");
        assertThat(venue.get("city").asText()).isEqualTo("Bristol");
        assertThat(venue.get("rows").asInt()).isEqualTo(3);
        assertThat(venue.get("seatsPerRow").asInt()).isEqualTo(4);
        assertThat(venue.get("capacity").asInt()).isEqualTo(12);
        eventually(() -> api.get("/api/venues").body().contains("\"" + id + "\""));
    }

    @Test
    void userMayNotCreateAVenue() {
        var response = api.post("/api/venues", HALL, api.newUserToken("Ursula"));

        assertProblem(response, 403);
    }

    @Test
    void anonymousMayNotCreateAVenue() {
        var response = api.post("/api/venues", HALL);

        assertProblem(response, 401);
    }
}
