package io.seatwise.web.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.Chromium;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The waitlist as a person uses it, in a real Chromium: she joins from the sold-out event's page, someone else
 * cancels, her open seat map shows the released seats held (not available), and from her waitlist page (where the
 * offer's mail links) she books them.
 */
class WaitlistBrowserTest extends ApplicationTest {

    private static Chromium chromium;

    @BeforeAll
    static void browser() {
        Chromium.assumeInstalled();
        chromium = Chromium.start();
        chromium.resize(1280, 2000);
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void sheJoinsSeesTheReleasedSeatsHeldForHerAndBooksThem() {
        var event = eventOnSale("Waiting Rooms", 1, 4, "Sold out sonata", 6);
        var holder = api.newUserToken("Holder");
        var booking = api.book(holder, event, List.of(1, 2, 3, 4))
                .json()
                .get("bookingId")
                .asText();
        var email = "wendy-" + System.nanoTime() + "@example.com";
        api.register(email, ApiClient.USER_PASSWORD, "Wendy");
        eventually(() -> api.bookedSeats(event).size() == 4);

        chromium.signIn(api.baseUrl(), email, ApiClient.USER_PASSWORD);
        chromium.driver().get(api.baseUrl() + "/events/" + event);
        var count = find("[data-field=waitlist-count]");
        count.clear();
        count.sendKeys("2");
        click(find("[data-action=join-waitlist]"));
        assertThat(waitFor("[role=status].alert-success").getText()).contains("You are on the waitlist");
        eventually(() -> {
            chromium.driver().navigate().refresh();
            return !chromium.driver()
                    .findElements(By.cssSelector(".sw-waitlist-entry[data-status=waiting]"))
                    .isEmpty();
        });
        assertThat(find(".sw-position").getText()).isEqualTo("Number 1 in the queue");

        chromium.driver().get(api.baseUrl() + "/events/" + event);
        waitFor("[data-seat='2'][data-status=booked]");
        assertThat(api.delete("/api/bookings/" + booking, holder).status()).isEqualTo(204);

        waitFor("[data-seat='2'][data-status=held]");
        waitFor("[data-seat='3'][data-status=held]");
        waitFor("[data-seat='1'][data-status=available]");
        assertThat(find("[data-seat='2']").getAttribute("aria-label")).contains("held for someone on the waitlist");
        chromium.screenshot("waitlist-held-seats");

        chromium.driver().get(api.baseUrl() + "/me/waitlist");
        eventually(Duration.ofSeconds(10), () -> {
            chromium.driver().navigate().refresh();
            return !chromium.driver()
                    .findElements(By.cssSelector("[data-action=accept-offer]"))
                    .isEmpty();
        });
        assertThat(find(".sw-offered-seats").getText()).isEqualTo("Main, Row A, Seat 2; Main, Row A, Seat 3");
        chromium.screenshot("waitlist-offer");
        click(find("[data-action=accept-offer]"));

        assertThat(waitFor("[role=status].alert-success").getText()).contains("Booked!");
        eventually(() -> api.bookedSeats(event).equals(List.of(2, 3)));
        eventually(() -> {
            chromium.driver().navigate().refresh();
            return !chromium.driver()
                    .findElements(By.cssSelector(".sw-waitlist-entry[data-status=booked]"))
                    .isEmpty();
        });
    }

    private static WebElement waitFor(String css) {
        return chromium.waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private static void click(WebElement control) {
        chromium.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", control);
        control.click();
    }

    private static WebElement find(String css) {
        return chromium.waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }
}
