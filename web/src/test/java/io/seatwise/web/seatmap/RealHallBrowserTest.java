package io.seatwise.web.seatmap;

import static io.seatwise.web.seatmap.SeatMapBrowserTest.click;
import static io.seatwise.web.seatmap.SeatMapBrowserTest.focused;
import static io.seatwise.web.seatmap.SeatMapBrowserTest.keys;
import static io.seatwise.web.seatmap.SeatMapBrowserTest.seat;
import static io.seatwise.web.seatmap.SeatMapBrowserTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.Chromium;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The event page of a real hall in Chromium: two sections with aisles, three categories with their own prices, a
 * wheelchair space with its companion seat, all made through the API as an admin would.
 */
class RealHallBrowserTest extends ApplicationTest {

    private static final String PASSWORD = "a-long-password";

    /**
     * Stalls: A premium (seats 1-8), B standard (9-16), C a wheelchair space (17), its companion seat (18) and standard
     * seats (19-24); Circle: A restricted view at both ends (25, 30) and standard (26-29).
     */
    private static final Map<String, Object> LAYOUT = Map.of(
            "categories",
            ApiClient.exampleCategories(),
            "sections",
            List.of(
                    Map.of(
                            "name",
                            "Stalls",
                            "rows",
                            List.of(
                                    Map.of("label", "A", "seats", "PPPP.PPPP"),
                                    Map.of("label", "B", "seats", "SSSS.SSSS"),
                                    Map.of("label", "C", "seats", "WC.SSS.SSS"))),
                    Map.of("name", "Circle", "rows", List.of(Map.of("label", "A", "seats", "RSS.SSR")))));

    private static Chromium browser;

    private String eventId;

    @BeforeAll
    static void start() {
        Chromium.assumeInstalled();
        browser = Chromium.start();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void concertInTheHall() {
        var admin = adminToken();
        var venue =
                api.post("/api/venues", Map.of("name", "Victoria Hall", "city", "Halifax", "layout", LAYOUT), admin);
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        var event = api.post(
                "/api/events",
                Map.of(
                        "venueId",
                        venue.json().get("id").asText(),
                        "title",
                        "Brass Band Gala",
                        "description",
                        "Two halves and an encore",
                        "startsAt",
                        inDays(20).toString(),
                        "prices",
                        Map.of("P", 4000, "S", 2500, "R", 1500, "W", 2500, "C", 0)),
                admin);
        assertThat(event.status()).as(event.body()).isEqualTo(201);
        eventId = event.json().get("id").asText();
        eventually(() -> api.get("/api/events/" + eventId).status() == 200
                && api.get("/api/events/" + eventId + "/seats").status() == 200);
        var email = "hall-" + System.nanoTime() + "@example.com";
        api.register(email, PASSWORD, "Hal");
        browser.signIn(api.baseUrl(), email, PASSWORD);
    }

    @Test
    void hallIsDrawnAsItsLayoutHasItWithALegendOfPrices() {
        openLive();

        var sections = browser.driver().findElements(By.cssSelector(".sw-hall-section-name")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(sections).containsExactly("Stalls", "Circle");
        assertThat(text(browser, ".sw-categories"))
                .contains("Premium: £40.00", "Standard: £25.00", "Restricted view: £15.00", "Wheelchair space: £25.00")
                .contains("Companion seat: Free");
        var stage = browser.driver().findElement(By.cssSelector(".sw-stage"));
        assertThat(stage.getRect().getY())
                .as("the stage is at the front")
                .isLessThan(seat(browser, 1).getRect().getY());

        // an aisle is as wide as a seat: seats behind one another line up across it
        assertThat(seat(browser, 13).getRect().getX())
                .isEqualTo(seat(browser, 5).getRect().getX());
        assertThat(seat(browser, 21).getRect().getX())
                .isEqualTo(seat(browser, 13).getRect().getX());
        assertThat(seat(browser, 19).getRect().getX())
                .isEqualTo(seat(browser, 4).getRect().getX());
        // the aisles of each row, and the end of the stalls' shorter rows filled up to their widest
        assertThat(browser.driver().findElements(By.cssSelector(".sw-gap"))).hasSize(7);

        // wheelchair spaces and companion seats differ by shape, not only by colour
        var standard = seat(browser, 19).getCssValue("border-top-left-radius");
        assertThat(seat(browser, 17).getCssValue("border-top-left-radius")).isNotEqualTo(standard);
        assertThat(seat(browser, 18).getCssValue("border-top-left-radius"))
                .isNotEqualTo(standard)
                .isNotEqualTo(seat(browser, 17).getCssValue("border-top-left-radius"));
        browser.screenshot("hall-1-layout");
    }

    @Test
    void everySeatIsNamedBySectionRowSeatCategoryAndPrice() {
        openLive();

        assertThat(seat(browser, 1).getAccessibleName()).isEqualTo("Stalls, Row A, Seat 1, Premium, £40.00, available");
        assertThat(seat(browser, 5).getAccessibleName()).isEqualTo("Stalls, Row A, Seat 5, Premium, £40.00, available");
        assertThat(seat(browser, 17).getAccessibleName())
                .isEqualTo("Stalls, Row C, Seat 1, Wheelchair space, £25.00, available");
        assertThat(seat(browser, 18).getAccessibleName())
                .isEqualTo("Stalls, Row C, Seat 2, Companion seat, Free, available");
        assertThat(seat(browser, 30).getAccessibleName())
                .isEqualTo("Circle, Row A, Seat 6, Restricted view, £15.00, available");
        assertThat(seat(browser, 30).getAttribute("data-category")).isEqualTo("R");
        assertThat(browser.driver().findElements(By.cssSelector("[data-seat]"))).hasSize(30);
    }

    @Test
    void seatsPickedByCategoryAddUpToTheTotalAndArrowKeysFollowTheRowsOverTheAisles() {
        openLive();

        click(browser, seat(browser, 1));
        click(browser, seat(browser, 25));
        click(browser, seat(browser, 26));

        assertThat(text(browser, ".sw-total")).isEqualTo("Total: £80.00");
        assertThat(seat(browser, 25).getAccessibleName())
                .isEqualTo("Circle, Row A, Seat 1, Restricted view, £15.00, selected");
        assertThat(text(browser, ".sw-selected-list"))
                .isEqualTo("Stalls, Row A, Seat 1; Circle, Row A, Seat 1; Circle, Row A, Seat 2");
        click(browser, seat(browser, 26));
        assertThat(text(browser, ".sw-total")).isEqualTo("Total: £55.00");

        seat(browser, 4).click();
        seat(browser, 4).click(); // focused and unselected again
        keys(browser, Keys.ARROW_RIGHT); // over the aisle to the fifth seat
        assertThat(focused(browser).getAttribute("data-seat")).isEqualTo("5");
        keys(browser, Keys.ARROW_DOWN); // the seat behind: row B's sixth position
        assertThat(focused(browser).getAttribute("data-seat")).isEqualTo("13");
        keys(browser, Keys.ARROW_DOWN);
        assertThat(focused(browser).getAttribute("data-seat")).isEqualTo("21");
        keys(browser, Keys.ARROW_DOWN); // on into the next section
        assertThat(focused(browser).getAttribute("data-seat")).isEqualTo("29");
        keys(browser, Keys.HOME, Keys.SPACE);
        assertThat(focused(browser).getAttribute("data-seat")).isEqualTo("25");
        assertThat(focused(browser).getAttribute("data-status")).isEqualTo("available");
        assertThat(text(browser, ".sw-total")).isEqualTo("Total: £40.00");
        browser.screenshot("hall-2-total");
    }

    @Test
    void bestAvailableBooksSeatsSideBySideOfTheCategoryAndTheMapShowsThemBooked() {
        openLive();

        var count = browser.driver().findElement(By.cssSelector(".sw-best-available [name=count]"));
        count.clear();
        count.sendKeys("2");
        new Select(browser.driver().findElement(By.cssSelector(".sw-best-available [name=category]")))
                .selectByValue("P");
        click(browser, browser.driver().findElement(By.cssSelector("[data-action=best-available]")));

        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/bookings/"));
        var seats = text(browser, "[data-confirmation] .sw-confirmed-seats");
        assertThat(seats)
                .as("two premium seats side by side, nearest the centre")
                .isIn("Stalls, Row A, Seat 3; Stalls, Row A, Seat 4", "Stalls, Row A, Seat 5; Stalls, Row A, Seat 6");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("[data-confirmation]"))
                        .getText())
                .contains("£80.00");
        browser.screenshot("hall-3-best-available");

        openLive();
        // row A of the stalls holds seats 1 to 10, so a seat's display number there is its number
        for (var label : seats.split("; ")) {
            int booked = Integer.parseInt(label.substring(label.lastIndexOf(' ') + 1));
            eventually(() -> "booked".equals(seat(browser, booked).getAttribute("data-status")));
        }
    }

    @Test
    void bestAvailableThatNoBlockFitsIsRefusedInThePageLanguage() {
        browser.driver().get(api.baseUrl() + "/events/" + eventId + "?lang=de");
        var count = browser.driver().findElement(By.cssSelector(".sw-best-available [name=count]"));
        count.clear();
        count.sendKeys("5");
        new Select(browser.driver().findElement(By.cssSelector(".sw-best-available [name=category]")))
                .selectByValue("P");
        click(browser, browser.driver().findElement(By.cssSelector("[data-action=best-available]")));

        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("#seat-map"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("Es sind keine 5 freien Plätze nebeneinander mehr frei.");
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".sw-best-available [name=count]"))
                        .getAttribute("value"))
                .isEqualTo("5");
        browser.driver().get(api.baseUrl() + "/?lang=en");
    }

    private void openLive() {
        browser.driver().get(api.baseUrl() + "/events/" + eventId);
        browser.waiting(Duration.ofSeconds(5))
                .until(driver -> "live"
                        .equals(driver.findElement(By.cssSelector(".sw-booking-form"))
                                .getAttribute("data-live")));
    }
}
