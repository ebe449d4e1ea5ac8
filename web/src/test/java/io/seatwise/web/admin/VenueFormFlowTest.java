package io.seatwise.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.FutureDates;
import io.seatwise.web.StoredState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The admin's venue and event forms over real HTTP and a real SQLite file: a layout sent as JSON becomes the venue's
 * layout, a layout that is not valid comes back with its problem and stores nothing, and an event is priced per
 * category of its venue.
 */
class VenueFormFlowTest extends ApplicationTest {

    static final String HALL = """
            {"categories": [
               {"code": "S", "name": "Standard", "kind": "standard"},
               {"code": "P", "name": "Premium", "kind": "standard"},
               {"code": "W", "name": "Wheelchair", "kind": "wheelchair"}],
             "sections": [
               {"name": "Stalls", "rows": [{"label": "A", "seats": "PPP.PPP"}, {"label": "B", "seats": "WSS.SSS"}]},
               {"name": "Circle", "rows": [{"label": "1", "seats": "SSSS"}]}]}
            """;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ObjectMapper json;

    private BrowserSession admin;

    @BeforeEach
    void signIn() {
        admin = new BrowserSession(port);
        assertThat(admin.signIn(ADMIN_EMAIL, ADMIN_PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void aLayoutSentAsJsonBecomesTheVenuesLayout() throws Exception {
        var venueId = createVenue("Corn Exchange " + System.nanoTime(), HALL);

        var layout = api.get("/api/venues/" + venueId).json().get("layout");

        assertThat(layout).isEqualTo(json.readTree(HALL));
        assertThat(api.get("/api/venues/" + venueId).json().get("capacity").asInt())
                .isEqualTo(16);
    }

    @Test
    void theVenuePageSummarisesTheLayout() {
        var venueId = createVenue("Assembly Hall " + System.nanoTime(), HALL);

        var page = admin.get("/venues/" + venueId).body();

        assertThat(page)
                .contains("16 seats in all")
                .contains("Stalls: 2 rows, 12 seats")
                .contains("Circle: 1 row, 4 seats")
                .contains("Premium (Standard): 6 seats")
                .contains("Standard (Standard): 9 seats")
                .contains("Wheelchair (Wheelchair space): 1 seat");
        assertThat(admin.get("/venues/" + venueId, "Accept-Language", "de").body())
                .contains("16 Plätze insgesamt")
                .contains("Stalls: 2 Reihen, 12 Plätze")
                .contains("Circle: 1 Reihe, 4 Plätze")
                .contains("Wheelchair (Rollstuhlplatz): 1 Platz");
    }

    @Test
    void aVenueOfFortyThousandSeatsWithAislesFitsIntoTheForm() {
        var rows = new StringBuilder();
        for (int row = 0; row < SeatLayout.MAX_ROWS_IN_ALL; row++) {
            rows.append(row == 0 ? "" : ",\n")
                    .append("    {\"label\": \"")
                    .append(SeatLayout.rowLabel(row))
                    .append("\", \"seats\": \"")
                    .append("S".repeat(40))
                    .append('.')
                    .append("S".repeat(40))
                    .append("\"}");
        }
        var layout = "{\"categories\": [{\"code\": \"S\", \"name\": \"Standard\", \"kind\": \"standard\"}],\n"
                + " \"sections\": [{\"name\": \"Arena\", \"rows\": [\n" + rows + "]}]}";

        var venueId = createVenue("Arena " + System.nanoTime(), layout);

        assertThat(api.get("/api/venues/" + venueId).json().get("capacity").asInt())
                .isEqualTo(SeatLayout.MAX_CAPACITY);
    }

    @Test
    void anInvalidLayoutComesBackWithItsProblemAndStoresNothing() {
        admin.get("/admin/venues/new");
        var before = StoredState.of(jdbc);

        var page = admin.post(
                "/admin/venues/new",
                Map.of(
                        "name", "Nowhere",
                        "city", "Derby",
                        "layout", HALL.replace("WSS.SSS", "WSS.XSS"),
                        "rows", "",
                        "seatsPerRow", ""));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("The layout cannot be used: row B of Stalls has a seat of category X, which the layout does"
                        + " not define")
                .contains("WSS.XSS");
        assertThat(StoredState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void textThatIsNotJsonComesBackSayingWhere() {
        admin.get("/admin/venues/new");
        var before = StoredState.of(jdbc);

        var page = admin.post(
                "/admin/venues/new",
                Map.of("name", "Nowhere", "city", "Derby", "layout", "{\"categories\": [\n  {\"code\": S}]}"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("The layout is not JSON of the expected form (line 2, column");
        assertThat(StoredState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void theEditFormChangesTheLayoutOfTheVenue() throws Exception {
        var name = "Guildhall " + System.nanoTime();
        var venueId = createVenue(name, HALL);
        var form = admin.get("/admin/venues/" + venueId + "/edit");
        assertThat(form.body()).contains("PPP.PPP").contains("value=\"" + name + "\"");

        var changed = HALL.replace("Circle", "Balcony").replace("\"SSSS\"", "\"SS.SS\"");
        var saved = admin.post(
                "/admin/venues/" + venueId + "/edit", Map.of("name", name, "city", "Leeds", "layout", changed));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(admin.path(saved.location())).isEqualTo("/admin");
        eventually(() -> api.get("/api/venues/" + venueId).body().contains("Balcony"));
        var venue = api.get("/api/venues/" + venueId).json();
        assertThat(venue.get("layout")).isEqualTo(json.readTree(changed));
        assertThat(venue.get("city").asText()).isEqualTo("Leeds");
    }

    @Test
    void anEventIsPricedPerCategoryOfItsVenue() {
        var venueId = createVenue("Town Hall " + System.nanoTime(), HALL);
        admin.get("/admin/events/new");
        var fields = eventFields(venueId);
        fields.put(AdminPageController.categoryPriceField(venueId, "S"), "20");
        fields.put(AdminPageController.categoryPriceField(venueId, "P"), "35.50");
        fields.put(AdminPageController.categoryPriceField(venueId, "W"), "10");

        var scheduled = admin.post("/admin/events/new", fields);

        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(302);
        var eventId = scheduled.location().substring(scheduled.location().lastIndexOf('/') + 1);
        eventually(() -> api.get("/api/events/" + eventId).status() == 200);
        JsonNode event = api.get("/api/events/" + eventId).json();
        assertThat(event.get("prices").get("S").asLong()).isEqualTo(2000);
        assertThat(event.get("prices").get("P").asLong()).isEqualTo(3550);
        assertThat(event.get("prices").get("W").asLong()).isEqualTo(1000);
        assertThat(event.get("singleSeatRule").asText()).isEqualTo("refuse");
    }

    @Test
    void anEventWithoutThePriceOfACategoryComesBackAndStoresNothing() {
        var venueId = createVenue("Music Hall " + System.nanoTime(), HALL);
        admin.get("/admin/events/new");
        var before = StoredState.of(jdbc);
        var fields = eventFields(venueId);
        fields.put(AdminPageController.categoryPriceField(venueId, "S"), "20");
        fields.put(AdminPageController.categoryPriceField(venueId, "P"), "lots");

        var page = admin.post("/admin/events/new", fields);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Give a price for Premium, such as 12.50.")
                .contains("Give a price for Wheelchair, such as 12.50.");
        assertThat(StoredState.of(jdbc)).isEqualTo(before);
    }

    private Map<String, String> eventFields(String venueId) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("venueId", venueId);
        fields.put("title", "Gala");
        fields.put("description", "");
        fields.put("startsAt", FutureDates.local("01-01T20:00"));
        fields.put("pricing", "categories");
        fields.put("price", "");
        fields.put("singleSeatRule", "refuse");
        return fields;
    }

    private String createVenue(String name, String layout) {
        admin.get("/admin/venues/new");
        var created =
                admin.post("/admin/venues/new", Map.of("name", name, "city", "Derby", "layout", layout, "rows", "2"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        eventually(() -> api.get("/api/venues").body().contains(name));
        return api.get("/api/venues").json().findValues("id").stream()
                .map(JsonNode::asText)
                .filter(id -> api.get("/api/venues/" + id).body().contains(name))
                .findFirst()
                .orElseThrow();
    }
}
