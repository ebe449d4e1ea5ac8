package io.seatwise.web.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.Chromium;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The event page in a real Chromium: picking seats by mouse and by keyboard, booking, and two people watching one
 * event. Two browsers for the whole class: the booker and a viewer on another screen.
 */
class SeatMapBrowserTest extends ApplicationTest {

    private static final String PASSWORD = "a-long-password";

    private static Chromium booker;
    private static Chromium viewer;

    @Autowired
    private LiveSeatMaps live;

    private String eventId;
    private String email;

    @BeforeAll
    static void browsers() {
        Chromium.assumeInstalled();
        booker = Chromium.start();
        viewer = Chromium.start();
    }

    @AfterAll
    static void closeBrowsers() {
        if (booker != null) {
            booker.close();
        }
        if (viewer != null) {
            viewer.close();
        }
    }

    @BeforeEach
    void jazzNight() {
        eventId = eventOnSale("Assembly Rooms", 5, 10, "Jazz Quartet", 10);
        email = "ann-" + System.nanoTime() + "@example.com";
        api.register(email, PASSWORD, "Ann");
    }

    @AfterEach
    void unblock() {
        viewer.block(List.of());
    }

    @Test
    void bookerPicksSeatsWithTheMouseAndSeesTheConfirmation() {
        booker.signIn(api.baseUrl(), email, PASSWORD);
        openLive(booker);

        seat(booker, 12).click();
        seat(booker, 13).click();

        assertThat(seat(booker, 12).getAttribute("data-status")).isEqualTo("selected");
        assertThat(seat(booker, 13).getAccessibleName()).isEqualTo("Main, Row B, Seat 3, Standard, £12.50, selected");
        assertThat(text(booker, ".sw-selected-list")).isEqualTo("Main, Row B, Seat 2; Main, Row B, Seat 3");
        booker.screenshot("mouse-1-selected");

        booker.driver().findElement(By.cssSelector("[data-action=book]")).click();

        booker.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/bookings/"));
        assertThat(text(booker, "[data-confirmation] .sw-confirmed-seats"))
                .isEqualTo("Main, Row B, Seat 2; Main, Row B, Seat 3");
        booker.screenshot("mouse-2-confirmation");
    }

    @Test
    void keyboardUserMovesWithArrowKeysSelectsWithSpaceAndEnterAndBooks() {
        assertThat(api.book(api.newUserToken("Bo"), eventId, List.of(2)).status())
                .isEqualTo(201);
        booker.signIn(api.baseUrl(), email, PASSWORD);
        openLive(booker);
        eventually(() -> "booked".equals(seat(booker, 2).getAttribute("data-status")));

        var first = tabUntilSeat(booker);
        assertThat(first.getAttribute("data-seat")).isEqualTo("1");
        assertThat(first.getAccessibleName()).isEqualTo("Main, Row A, Seat 1, Standard, £12.50, available");

        keys(booker, Keys.ARROW_RIGHT, Keys.SPACE); // seat 2 is booked: it stays so
        assertThat(focused(booker).getAttribute("data-seat")).isEqualTo("2");
        assertThat(focused(booker).getAccessibleName()).isEqualTo("Main, Row A, Seat 2, Standard, £12.50, booked");
        assertThat(focused(booker).getAttribute("data-status")).isEqualTo("booked");

        keys(booker, Keys.ARROW_DOWN, Keys.SPACE, Keys.ARROW_RIGHT, Keys.ENTER);
        assertThat(seat(booker, 12).getAttribute("data-status")).isEqualTo("selected");
        assertThat(seat(booker, 13).getAttribute("data-status")).isEqualTo("selected");
        assertThat(focused(booker).getAccessibleName()).isEqualTo("Main, Row B, Seat 3, Standard, £12.50, selected");
        assertThat(outlineOf(focused(booker))).as("visible focus").isNotEqualTo("none");
        booker.screenshot("keyboard-1-selected");

        keys(booker, Keys.TAB);
        assertThat(focused(booker).getAttribute("data-action")).isEqualTo("book");
        keys(booker, Keys.ENTER);

        booker.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/bookings/"));
        assertThat(text(booker, "[data-confirmation] .sw-confirmed-seats"))
                .isEqualTo("Main, Row B, Seat 2; Main, Row B, Seat 3");
        booker.screenshot("keyboard-2-confirmation");
    }

    @Test
    void secondViewerSeesABookingMadeElsewhereWithinASecondAndLosesTheSeatSheHadSelected() {
        openLive(viewer);
        viewer.driver().executeScript("window.seatwiseMarker = 'same page'");
        seat(viewer, 25).click();
        assertThat(seat(viewer, 25).getAttribute("data-status")).isEqualTo("selected");

        booker.signIn(api.baseUrl(), email, PASSWORD);
        openLive(booker);
        seat(booker, 25).click();
        seat(booker, 26).click();
        booker.driver().findElement(By.cssSelector("[data-action=book]")).click();
        booker.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/bookings/"));

        // the booking is stored once the confirmation shows; the other screen has it within a second
        viewer.waiting(Duration.ofSeconds(1))
                .until(driver -> "booked".equals(seat(viewer, 26).getAttribute("data-status")));
        assertThat(seat(viewer, 25).getAttribute("data-status")).isEqualTo("booked");
        assertThat(seat(viewer, 25).isSelected()).isFalse();
        assertThat(text(viewer, ".sw-announcements"))
                .isEqualTo("Someone else has just booked Main, Row C, Seat 5. It is no longer selected: "
                        + "please choose another seat.");
        assertThat(text(viewer, "[data-live-available]")).isEqualTo("48 of 50 seats left");
        assertThat(text(viewer, ".sw-selected-list")).isEqualTo("none yet");
        assertThat(viewer.driver().executeScript("return window.seatwiseMarker"))
                .as("no reload")
                .isEqualTo("same page");
        viewer.screenshot("live-1-booked-elsewhere");
    }

    @Test
    void liveMapReconnectsAfterTheConnectionDrops() {
        openLive(viewer);
        viewer.driver().executeScript("window.seatwiseMarker = 'same page'");

        live.disconnectAll();
        assertThat(api.book(api.newUserToken("Cy"), eventId, List.of(33, 34)).status())
                .isEqualTo(201);

        viewer.waiting(Duration.ofSeconds(5))
                .until(driver -> "booked".equals(seat(viewer, 34).getAttribute("data-status")));
        viewer.waiting(Duration.ofSeconds(5)).until(driver -> "live".equals(liveState(viewer)));
        assertThat(api.book(api.newUserToken("Di"), eventId, List.of(40)).status())
                .isEqualTo(201);
        viewer.waiting(Duration.ofSeconds(1))
                .until(driver -> "booked".equals(seat(viewer, 40).getAttribute("data-status")));
        assertThat(viewer.driver().executeScript("return window.seatwiseMarker"))
                .isEqualTo("same page");
    }

    @Test
    void liveMapPollsWhenItCannotStream() {
        viewer.block(List.of("*/seats/stream*"));
        viewer.driver().get(api.baseUrl() + "/events/" + eventId);
        viewer.waiting(Duration.ofSeconds(5)).until(driver -> "polling".equals(liveState(viewer)));
        assertThat(text(viewer, ".sw-live-status")).isEqualTo("Checking for seats booked by others every few seconds.");

        assertThat(api.book(api.newUserToken("Ed"), eventId, List.of(45)).status())
                .isEqualTo(201);

        viewer.waiting(Duration.ofSeconds(5))
                .until(driver -> "booked".equals(seat(viewer, 45).getAttribute("data-status")));
        viewer.screenshot("live-2-polling");
    }

    @Test
    void bigVenueOnAPhoneShowsBlocksKeepsSelectionsAndMovesAcrossThemByKeyboard() {
        eventId = eventOnSale("Stadium", 200, 200, "Cup Final", 30);
        assertThat(api.book(api.newUserToken("Fay"), eventId, List.of(40_000)).status())
                .isEqualTo(201);
        viewer.resize(390, 844);
        try {
            openLive(viewer);
            viewer.driver().executeScript("window.seatwiseMarker = 'same page'");
            assertThat(viewer.driver().findElements(By.cssSelector(".sw-seat"))).hasSize(800);
            assertThat(viewer.driver().findElements(By.cssSelector(".sw-block-tile")))
                    .hasSize(50);
            assertThat(viewer.driver()
                            .executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("the page itself never scrolls sideways on a phone; the seat map does")
                    .isEqualTo(true);
            viewer.screenshot("big-1-phone");

            click(viewer, viewer.driver().findElement(By.cssSelector("[data-block=\"50\"]")));
            assertThat(seat(viewer, 40_000).getAttribute("data-status")).isEqualTo("booked");
            click(viewer, seat(viewer, 39_961));
            assertThat(seat(viewer, 39_961).getAttribute("data-status")).isEqualTo("selected");

            keys(viewer, Keys.ARROW_LEFT); // from the first seat of the block's row into block 49
            assertThat(focused(viewer).getAttribute("data-seat")).isEqualTo("39960");
            assertThat(text(viewer, ".sw-block-caption"))
                    .isEqualTo("Block 49: Main, rows FY to GR, columns 121 to 160");
            assertThat(viewer.driver().findElements(By.cssSelector(".sw-selected-elsewhere input[value=\"39961\"]")))
                    .as("a seat selected in another block still goes with the form")
                    .hasSize(1);
            assertThat(text(viewer, ".sw-selected-list")).isEqualTo("Main, Row GR, Seat 161");
            assertThat(viewer.driver().getCurrentUrl()).contains("block=49");
            assertThat(viewer.driver().executeScript("return window.seatwiseMarker"))
                    .isEqualTo("same page");
            viewer.screenshot("big-2-phone-section-49");
        } finally {
            viewer.resize(1280, 1000);
        }
    }

    @Test
    void pagesFitAPhoneScreen() {
        assertThat(api.book(api.newUserToken("Gus"), eventId, List.of(5)).status())
                .isEqualTo(201);
        booker.signIn(api.baseUrl(), email, PASSWORD);
        booker.resize(390, 844);
        try {
            for (var page : List.of(
                    "/", "/events/" + eventId, "/me/bookings", "/me/account", "/register?lang=de", "/?lang=en")) {
                booker.driver().get(api.baseUrl() + page);
                assertThat(booker.driver()
                                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("%s fits the width of a phone", page)
                        .isEqualTo(true);
            }
            booker.driver().get(api.baseUrl() + "/events/" + eventId + "?lang=de");
            booker.waiting(Duration.ofSeconds(5)).until(driver -> "live".equals(liveState(booker)));
            assertThat(seat(booker, 5).getAccessibleName())
                    .isEqualTo("Main, Reihe A, Platz 5, Standard, 12,50\u00a0£, gebucht");
            booker.screenshot("phone-event-german");
            booker.driver().get(api.baseUrl() + "/?lang=en");
        } finally {
            booker.resize(1280, 1000);
        }
    }

    @Test
    void seatMapMeetsTheContrastMinimumsOfWcagAa() {
        assertThat(api.book(api.newUserToken("Hal"), eventId, List.of(1)).status())
                .isEqualTo(201);
        openLive(viewer);
        seat(viewer, 2).click();
        keys(viewer, Keys.ARROW_RIGHT);
        viewer.waiting(Duration.ofSeconds(2))
                .until(driver -> "booked".equals(seat(viewer, 1).getAttribute("data-status")));

        @SuppressWarnings("unchecked")
        var failures = (List<String>) viewer.driver().executeScript(CONTRAST_CHECK);

        assertThat(failures).isEmpty();
    }

    /**
     * Contrast ratios as WCAG 2.1 defines them, of the seat map's texts (4.5:1) and of what tells seats apart, the
     * seats' outlines and fills and the focus ring (3:1), each against what lies behind it.
     */
    private static final String CONTRAST_CHECK = """
            function rgb(color) { return color.match(/[\\d.]+/g).map(Number); }
            function luminance(color) {
                const [r, g, b] = rgb(color).slice(0, 3).map(v => v / 255)
                    .map(c => c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            }
            function ratio(a, b) {
                const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
                return (x + 0.05) / (y + 0.05);
            }
            function behind(element) {
                for (let e = element.parentElement; e; e = e.parentElement) {
                    const color = getComputedStyle(e).backgroundColor;
                    if (rgb(color)[3] !== 0) { return color; }
                }
                return 'rgb(255, 255, 255)';
            }
            function ownBackground(element) {
                const color = getComputedStyle(element).backgroundColor;
                return rgb(color)[3] === 0 ? behind(element) : color;
            }
            const failures = [];
            function check(what, element, color, against, minimum) {
                const value = ratio(color, against);
                if (value < minimum) { failures.push(what + ': ' + value.toFixed(2) + ' < ' + minimum); }
            }
            document.querySelectorAll('.sw-legend li > span:not(.sw-seat-sample), .sw-row-label, .sw-live-status,'
                    + ' .sw-selected-list, .sw-block-caption, .sw-hall-section-name, .sw-total, #seat-map h2,'
                    + ' #seat-map p:not(.visually-hidden),'
                    + ' [data-action=book]:not(:disabled)')
                .forEach(e => check('text of ' + e.className + ' ' + e.tagName, e, getComputedStyle(e).color,
                    ownBackground(e), 4.5));
            for (const status of ['available', 'selected', 'booked']) {
                const seat = document.querySelector('.sw-seat[data-status=' + status + ']');
                check(status + ' seat outline', seat, getComputedStyle(seat).borderTopColor, behind(seat), 3);
            }
            const selected = document.querySelector('.sw-seat[data-status=selected]');
            check('selected seat fill', selected, getComputedStyle(selected).backgroundColor, behind(selected), 3);
            const focused = document.activeElement;
            if (!focused.classList.contains('sw-seat')) { failures.push('no seat has the focus'); }
            check('focus ring', focused, getComputedStyle(focused).outlineColor, behind(focused), 3);
            return failures;
            """;

    private void openLive(Chromium browser) {
        browser.driver().get(api.baseUrl() + "/events/" + eventId);
        browser.waiting(Duration.ofSeconds(5)).until(driver -> "live".equals(liveState(browser)));
    }

    private static String liveState(Chromium browser) {
        return browser.driver().findElement(By.cssSelector(".sw-booking-form")).getAttribute("data-live");
    }

    static WebElement seat(Chromium browser, int number) {
        return browser.driver().findElement(By.cssSelector("[data-seat=\"" + number + "\"]"));
    }

    /** Clicks as a person would after scrolling the element to the middle of the screen, clear of the summary bar. */
    static void click(Chromium browser, WebElement element) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    static String text(Chromium browser, String selector) {
        return browser.driver().findElement(By.cssSelector(selector)).getText().strip();
    }

    static WebElement focused(Chromium browser) {
        return browser.driver().switchTo().activeElement();
    }

    static void keys(Chromium browser, CharSequence... keys) {
        var actions = new Actions(browser.driver());
        for (var key : keys) {
            actions.sendKeys(key);
        }
        actions.perform();
    }

    /** Presses Tab from the top of the page until a seat has the focus, as a keyboard user reaches the map. */
    static WebElement tabUntilSeat(Chromium browser) {
        browser.driver().executeScript("document.activeElement && document.activeElement.blur()");
        for (int presses = 0; presses < 60; presses++) {
            keys(browser, Keys.TAB);
            var element = focused(browser);
            if (element.getAttribute("data-seat") != null) {
                return element;
            }
        }
        throw new AssertionError("Tab never reached a seat");
    }

    private static String outlineOf(WebElement element) {
        return element.getCssValue("outline-style");
    }
}
