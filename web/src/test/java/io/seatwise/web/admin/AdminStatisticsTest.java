package io.seatwise.web.admin;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admins' figures and CSV exports, checked against a scripted scenario: two events at different prices, bookings
 * and a cancellation. The application is shared with other tests, so totals are checked for consistency and the
 * scenario's own events for their exact figures.
 */
class AdminStatisticsTest extends ApplicationTest {

    private static final String FORMULA_NAME = "=HYPERLINK(\"http://x\",\"y\")";

    private String admin;
    private String venue;
    private String cheap;
    private String dear;
    private String annEmail;
    private String cancelledBooking;
    private String bobBooking;

    @BeforeEach
    void scenario() {
        admin = adminToken();
        venue = api.createVenue(admin, "Figures hall", 2, 5);
        cheap = api.scheduleEvent(admin, venue, "Matinee", inDays(7));
        dear = scheduleEvent("Gala night", 4000);
        annEmail = "ann-" + System.nanoTime() + "@example.com";
        api.register(annEmail, "correct-horse-battery", "Zoë Ünal");
        var ann = api.token(annEmail, "correct-horse-battery");
        var bob = api.newUserToken("Bob");

        cancelledBooking = book(ann, cheap, 1, 2, 3);
        bobBooking = book(bob, cheap, 4);
        book(ann, dear, 1, 2);
        assertThat(api.delete("/api/bookings/" + cancelledBooking, ann).status())
                .isEqualTo(204);
        eventually(() -> figuresOf(cheap).map(e -> e.get("booked").asInt() == 1).orElse(false)
                && figuresOf(dear).map(e -> e.get("booked").asInt() == 2).orElse(false));
    }

    @Test
    void statisticsEqualTheScenario() {
        var stats = stats();

        var matinee = figuresOf(stats, cheap).orElseThrow();
        assertThat(matinee.get("title").asText()).isEqualTo("Matinee");
        assertThat(matinee.get("capacity").asInt()).isEqualTo(10);
        assertThat(matinee.get("booked").asInt()).isEqualTo(1);
        assertThat(matinee.get("bookings").asInt()).isEqualTo(1);
        assertThat(matinee.get("revenueCents").asLong()).isEqualTo(1250);
        assertThat(matinee.get("occupancy").asDouble()).isEqualTo(0.1);
        var gala = figuresOf(stats, dear).orElseThrow();
        assertThat(gala.get("booked").asInt()).isEqualTo(2);
        assertThat(gala.get("bookings").asInt()).isEqualTo(1);
        assertThat(gala.get("revenueCents").asLong()).isEqualTo(8000);
        assertThat(gala.get("occupancy").asDouble()).isEqualTo(0.2);
        assertThat(categories(matinee)).containsExactly("S Standard 1 1250");
        assertThat(categories(gala)).containsExactly("S Standard 2 8000");
        assertThat(gala.get("cancelled").asBoolean()).isFalse();
        assertThat(fieldNames(stats)).containsExactly("totals", "events");
        assertThat(fieldNames(stats.get("totals")))
                .containsExactly("events", "capacity", "booked", "bookings", "revenueCents", "categories");
        assertThat(fieldNames(matinee))
                .containsExactly(
                        "eventId",
                        "title",
                        "capacity",
                        "booked",
                        "occupancy",
                        "bookings",
                        "revenueCents",
                        "categories",
                        "cancelled");
        assertThat(fieldNames(matinee.get("categories").get(0)))
                .containsExactly("code", "name", "booked", "revenueCents");
    }

    @Test
    void totalsAreTheSumsOfTheEvents() {
        var stats = stats();
        var events =
                StreamSupport.stream(stats.get("events").spliterator(), false).toList();
        var totals = stats.get("totals");

        assertThat(totals.get("events").asLong()).isEqualTo(events.size());
        for (var figure : List.of("capacity", "booked", "bookings", "revenueCents")) {
            assertThat(totals.get(figure).asLong())
                    .as(figure)
                    .isEqualTo(events.stream()
                            .mapToLong(e -> e.get(figure).asLong())
                            .sum());
        }
        for (var figure : List.of("booked", "revenueCents")) {
            assertThat(StreamSupport.stream(totals.get("categories").spliterator(), false)
                            .mapToLong(category -> category.get(figure).asLong())
                            .sum())
                    .as("categories' " + figure)
                    .isEqualTo(totals.get(figure).asLong());
        }
    }

    @Test
    void venueFiguresSumItsEvents() {
        var venues = api.get("/api/admin/stats/venues", admin);

        assertThat(venues.status()).isEqualTo(200);
        var hall = StreamSupport.stream(venues.json().spliterator(), false)
                .filter(v -> v.get("venueId").asText().equals(venue))
                .findFirst()
                .orElseThrow();
        assertThat(hall.get("events").asInt()).isEqualTo(2);
        assertThat(hall.get("capacity").asLong()).isEqualTo(20);
        assertThat(hall.get("booked").asLong()).isEqualTo(3);
        assertThat(hall.get("bookings").asLong()).isEqualTo(2);
        assertThat(hall.get("revenueCents").asLong()).isEqualTo(9250);
        assertThat(hall.get("occupancy").asDouble()).isEqualTo(0.15);
    }

    @Test
    void bookingsPerDayCountTodaysBookings() {
        var daily = api.get("/api/admin/stats/daily", admin);

        assertThat(daily.status()).isEqualTo(200);
        var today = LocalDate.now(ZoneOffset.UTC).toString();
        var days = StreamSupport.stream(daily.json().spliterator(), false).toList();
        assertThat(days).anySatisfy(day -> {
            assertThat(day.get("day").asText()).isEqualTo(today);
            assertThat(day.get("bookings").asLong()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void adminExportsEventsAsCsv() {
        var response = api.get("/api/admin/export/events.csv", admin);

        assertCsvDownload(response, "events.csv");
        var rows = csv(response.body());
        assertThat(rows.get(0).values())
                .containsExactly(
                        "eventId",
                        "title",
                        "venueId",
                        "venueName",
                        "city",
                        "startsAt",
                        "priceCents",
                        "capacity",
                        "booked",
                        "available",
                        "occupancy",
                        "bookings",
                        "revenueCents",
                        "bookedByCategory",
                        "revenueByCategory",
                        "status");
        var gala = row(rows, 0, dear);
        assertThat(gala.values())
                .containsExactly(
                        dear,
                        "Gala night",
                        venue,
                        "Figures hall",
                        "Testville",
                        gala.get(5),
                        "4000",
                        "10",
                        "2",
                        "8",
                        "0.2",
                        "1",
                        "8000",
                        "S=2",
                        "S=8000",
                        "scheduled");
        assertThat(Instant.parse(gala.get(5))).isAfter(Instant.now());
    }

    @Test
    void adminExportsBookingsAsCsvWithCancellations() {
        var response = api.get("/api/admin/export/bookings.csv", admin);

        assertCsvDownload(response, "bookings.csv");
        var rows = csv(response.body());
        assertThat(rows.get(0).values())
                .containsExactly(
                        "bookingId",
                        "eventId",
                        "eventTitle",
                        "accountId",
                        "email",
                        "seats",
                        "seatCount",
                        "amountCents",
                        "status",
                        "bookedAt",
                        "cancelledAt",
                        "centsByCategory",
                        "seatLabels");
        var cancelled = row(rows, 0, cancelledBooking);
        assertThat(cancelled.get(1)).isEqualTo(cheap);
        assertThat(cancelled.get(2)).isEqualTo("Matinee");
        assertThat(cancelled.get(4)).isEqualTo(annEmail);
        assertThat(cancelled.get(5)).isEqualTo("1 2 3");
        assertThat(cancelled.get(6)).isEqualTo("3");
        assertThat(cancelled.get(7)).isEqualTo("3750");
        assertThat(cancelled.get(8)).isEqualTo("CANCELLED");
        assertThat(cancelled.get(11)).isEqualTo("S=3750");
        assertThat(cancelled.get(12)).isEqualTo("Main, Row A, Seat 1; Main, Row A, Seat 2; Main, Row A, Seat 3");
        assertThat(Instant.parse(cancelled.get(10))).isAfterOrEqualTo(Instant.parse(cancelled.get(9)));
        var confirmed = row(rows, 0, bobBooking);
        assertThat(confirmed.get(8)).isEqualTo("CONFIRMED");
        assertThat(confirmed.get(10)).isEmpty();
    }

    /**
     * A hall with two sections and two categories, created and priced through the API: Stalls A has four premium
     * seats (1-4), B two standard ones each side of an aisle (5, 6 | 7, 8); premium costs 45.00, standard 25.00.
     * What a cancelled booking cost is taken out of its category.
     */
    @Test
    void categoriesOfAPricedHallEarnWhatTheirBookingsCost() {
        var hall = pricedHall();
        var ann = api.newUserToken("Ann");
        var mixed = book(ann, hall, 3, 4, 5);
        var cancelled = book(ann, hall, 1);
        book(api.newUserToken("Bob"), hall, 7, 8);
        assertThat(api.delete("/api/bookings/" + cancelled, ann).status()).isEqualTo(204);
        // only after the cancellation are there two bookings of five seats
        eventually(() -> figuresOf(hall)
                .map(e -> e.get("bookings").asInt() == 2 && e.get("booked").asInt() == 5)
                .orElse(false));

        var figures = figuresOf(hall).orElseThrow();
        assertThat(figures.get("revenueCents").asLong()).isEqualTo(9000 + 2500 + 5000);
        assertThat(categories(figures)).containsExactly("P Premium 2 9000", "S Standard 3 7500");
        var events = row(csv(api.get("/api/admin/export/events.csv", admin).body()), 0, hall);
        assertThat(events.get(12)).isEqualTo("16500");
        assertThat(events.get(13)).isEqualTo("P=2 S=3");
        assertThat(events.get(14)).isEqualTo("P=9000 S=7500");
        var bookings = csv(api.get("/api/admin/export/bookings.csv", admin).body());
        assertThat(row(bookings, 0, mixed).get(7)).isEqualTo("11500");
        assertThat(row(bookings, 0, mixed).get(11)).isEqualTo("P=9000 S=2500");
        assertThat(row(bookings, 0, mixed).get(12))
                .isEqualTo("Stalls, Row A, Seat 3; Stalls, Row A, Seat 4; Stalls, Row B, Seat 1");
        assertThat(row(bookings, 0, cancelled).get(8)).isEqualTo("CANCELLED");
        assertThat(row(bookings, 0, cancelled).get(11)).isEqualTo("P=4500");
    }

    @Test
    void dashboardShowsRevenueByCategory() {
        var hall = pricedHall();
        book(api.newUserToken("Ann"), hall, 1, 5);
        eventually(
                () -> figuresOf(hall).map(e -> e.get("bookings").asInt() == 1).orElse(false));
        var browser = new BrowserSession(port);
        browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        var page = browser.get("/admin").body();

        assertThat(page).contains("id=\"category-figures\"", "data-revenue-category=\"P\"");
        var row = page.substring(page.indexOf("data-event=\"" + hall + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("Premium: 1 seat, ", "Standard: 1 seat, ");
    }

    @Test
    void adminExportsUsersAsUtf8Csv() {
        eventually(() -> usersCsv().stream().anyMatch(row -> row.get(1).equals(annEmail)));

        var response = api.get("/api/admin/export/users.csv", admin);

        assertCsvDownload(response, "users.csv");
        var rows = csv(response.body());
        assertThat(rows.get(0).values()).containsExactly("accountId", "email", "displayName", "role", "registeredAt");
        var ann = row(rows, 1, annEmail);
        assertThat(ann.get(2)).isEqualTo("Zoë Ünal");
        assertThat(ann.get(3)).isEqualTo("USER");
        assertThat(Instant.parse(ann.get(4))).isBeforeOrEqualTo(Instant.now());
        assertThat(row(rows, 1, ADMIN_EMAIL).get(3)).isEqualTo("ADMIN");
    }

    @Test
    void userNamedLikeAFormulaIsExportedInert() {
        var email = "formula-" + System.nanoTime() + "@example.com";
        api.register(email, "correct-horse-battery", FORMULA_NAME);
        eventually(() -> usersCsv().stream().anyMatch(row -> row.get(1).equals(email)));

        var body = api.get("/api/admin/export/users.csv", admin).body();

        assertThat(row(csv(body), 1, email).get(2)).isEqualTo("'" + FORMULA_NAME);
        assertThat(body).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"").doesNotContain(",=HYPERLINK");
    }

    @Test
    void usersMayNotSeeFiguresOrExports() {
        var user = api.newUserToken("Curious");

        for (var path : List.of(
                "/api/admin/stats",
                "/api/admin/stats/daily",
                "/api/admin/stats/venues",
                "/api/admin/export/users.csv",
                "/api/admin/export/events.csv",
                "/api/admin/export/bookings.csv")) {
            assertProblem(api.get(path, user), 403);
            assertProblem(api.get(path, null), 401);
        }
    }

    @Test
    void dashboardShowsFiguresChartsAndDownloads() {
        var browser = new BrowserSession(port);
        browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        var page = browser.get("/admin?sort=revenue&dir=desc");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-figure=\"revenue\"", "data-chart=\"daily\"", "data-chart=\"occupancy\"")
                .contains("href=\"/api/admin/export/users.csv\"", "href=\"/api/admin/export/bookings.csv\"")
                .containsPattern("src=\"/webjars/echarts/[0-9.]+/dist/echarts.min.js\"")
                .containsPattern("src=\"/js/admin-charts-[0-9a-f]{32}.js\"")
                .contains("aria-sort=\"descending\"");
        assertThat(page.body().indexOf("data-event=\"" + dear + "\""))
                .isLessThan(page.body().indexOf("data-event=\"" + cheap + "\""));
        assertThat(browser.get("/webjars/echarts/dist/echarts.min.js").status()).isEqualTo(200);
        assertThat(browser.get("/js/admin-charts.js").status()).isEqualTo(200);
    }

    @Test
    void signedInUserMayNotSeeTheDashboard() {
        var email = "nosy-" + System.nanoTime() + "@example.com";
        api.register(email, "correct-horse-battery", "Nosy");
        var browser = new BrowserSession(port);
        browser.signIn(email, "correct-horse-battery");

        assertThat(browser.get("/admin").status()).isEqualTo(403);
    }

    private JsonNode stats() {
        var response = api.get("/api/admin/stats", admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    private Optional<JsonNode> figuresOf(String eventId) {
        return figuresOf(stats(), eventId);
    }

    private static Optional<JsonNode> figuresOf(JsonNode stats, String eventId) {
        return StreamSupport.stream(stats.get("events").spliterator(), false)
                .filter(event -> event.get("eventId").asText().equals(eventId))
                .findFirst();
    }

    /** An event's categories as "code name booked revenueCents". */
    private static List<String> categories(JsonNode figures) {
        return StreamSupport.stream(figures.get("categories").spliterator(), false)
                .map(category -> category.get("code").asText() + " "
                        + category.get("name").asText() + " "
                        + category.get("booked").asLong() + " "
                        + category.get("revenueCents").asLong())
                .toList();
    }

    /** An event in a hall of two sections, premium seats at 45.00 and standard ones at 25.00. */
    private String pricedHall() {
        var layout = Map.of(
                "categories",
                List.of(Map.of("code", "P", "name", "Premium"), Map.of("code", "S", "name", "Standard")),
                "sections",
                List.of(Map.of(
                        "name",
                        "Stalls",
                        "rows",
                        List.of(Map.of("label", "A", "seats", "PPPP"), Map.of("label", "B", "seats", "SS.SS")))));
        var venueResponse =
                api.post("/api/venues", Map.of("name", "Category hall", "city", "Testville", "layout", layout), admin);
        assertThat(venueResponse.status()).as(venueResponse.body()).isEqualTo(201);
        var response = api.post(
                "/api/events",
                Map.of(
                        "venueId",
                        venueResponse.json().get("id").asText(),
                        "title",
                        "Priced by category",
                        "description",
                        "",
                        "startsAt",
                        inDays(9).toString(),
                        "prices",
                        Map.of("P", 4500, "S", 2500)),
                admin);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private List<CSVRecord> usersCsv() {
        return csv(api.get("/api/admin/export/users.csv", admin).body());
    }

    private static void assertCsvDownload(ApiClient.Response response, String fileName) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType().replace(" ", "")).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(response.raw().headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + fileName + "\"");
        assertThat(response.body()).contains("\r\n");
    }

    private static List<CSVRecord> csv(String body) {
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(body))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CSVRecord row(List<CSVRecord> rows, int column, String value) {
        return rows.stream()
                .skip(1)
                .filter(row -> row.get(column).equals(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row with " + value));
    }

    private String scheduleEvent(String title, long priceCents) {
        var response = api.post(
                "/api/events",
                Map.of(
                        "venueId",
                        venue,
                        "title",
                        title,
                        "description",
                        "",
                        "startsAt",
                        inDays(8).toString(),
                        "priceCents",
                        priceCents),
                admin);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private String book(String token, String eventId, Integer... seats) {
        var response = api.book(token, eventId, List.of(seats));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("bookingId").asText();
    }
}
