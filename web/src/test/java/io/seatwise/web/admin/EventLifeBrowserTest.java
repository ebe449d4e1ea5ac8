package io.seatwise.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.Chromium;
import io.seatwise.web.SeatwiseProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin reschedules and then cancels an event from the admin pages in a real Chromium: each step is confirmed on
 * a page that says how many bookers will be mailed, and the event page then shows the cancellation without booking
 * controls.
 */
class EventLifeBrowserTest extends ApplicationTest {

    private static Chromium chromium;

    @Autowired
    private SeatwiseProperties properties;

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
    void adminReschedulesAndCancelsFromTheAdminPages() {
        var admin = adminToken();
        var title = "Choir Evening " + System.nanoTime();
        var event = api.scheduleEvent(admin, api.createVenue(admin, "Minster", 2, 6), title, inDays(10));
        var ann = api.newUserToken("Ann");
        assertThat(api.book(ann, event, List.of(1, 2)).status()).isEqualTo(201);
        assertThat(api.book(ann, event, List.of(5)).status()).isEqualTo(201);
        assertThat(api.book(api.newUserToken("Bob"), event, List.of(8)).status())
                .isEqualTo(201);
        eventually(() -> api.get("/api/admin/stats", admin).body().contains(event));

        chromium.signIn(api.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        chromium.driver().get(api.baseUrl() + "/admin");
        click(find("[data-event='" + event + "'] [data-action=manage-event]"));
        assertThat(find("[data-bookers]").getText()).isEqualTo("2 bookers");

        var newStart = inDays(12).truncatedTo(ChronoUnit.HOURS);
        var local = newStart.atZone(properties.zone()).toLocalDateTime().toString();
        chromium.driver().executeScript("arguments[0].value = arguments[1]", find("#startsAt"), local);
        click(find("[data-action=reschedule-event]"));
        var confirmation = find("[data-confirmation]");
        assertThat(confirmation.getAttribute("data-action")).isEqualTo("reschedule");
        assertThat(find("[data-mailed]").getText()).isEqualTo("2 bookers will be mailed.");
        click(find("[data-action=confirm]"));
        waitFor("[role=status].alert-success");
        eventually(() -> Instant.parse(
                        api.get("/api/events/" + event).json().path("startsAt").asText())
                .equals(newStart));

        find("#reason").sendKeys("The organ needs repair");
        click(find("[data-action=cancel-event]"));
        assertThat(find("[data-confirmation]").getAttribute("data-action")).isEqualTo("cancel");
        assertThat(find("[data-mailed]").getText()).isEqualTo("2 bookers will be mailed.");
        click(find("[data-action=confirm]"));
        assertThat(waitFor("[data-cancelled]").getText()).contains("The organ needs repair");
        assertThat(chromium.driver().findElements(By.cssSelector("[data-form]")))
                .isEmpty();
        eventually(() -> "cancelled"
                .equals(api.get("/api/events/" + event).json().path("status").asText()));

        chromium.driver().get(api.baseUrl() + "/events/" + event);
        assertThat(find("[data-cancelled]").getText())
                .contains("This event is cancelled.")
                .contains("The organ needs repair");
        assertThat(chromium.driver().findElements(By.cssSelector("[data-action=book]")))
                .isEmpty();
        assertThat(chromium.driver().findElements(By.cssSelector("[data-action=best-available]")))
                .isEmpty();
    }

    @Test
    void emptyReasonIsShownAsAnErrorAndCancelsNothing() {
        var admin = adminToken();
        var event = api.scheduleEvent(admin, api.createVenue(admin, "Chapel", 1, 4), "Evensong", inDays(10));
        eventually(() -> api.get("/api/events/" + event).status() == 200);

        chromium.signIn(api.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        chromium.driver().get(api.baseUrl() + "/admin/events/" + event);
        chromium.driver().executeScript("arguments[0].removeAttribute('required')", find("#reason"));
        click(find("[data-action=cancel-event]"));

        assertThat(waitFor(".alert-danger[role=alert]").getText()).isEqualTo("Reason: this is required.");
        assertThat(api.get("/api/events/" + event).json().path("status").asText())
                .isEqualTo("scheduled");
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
