package io.seatwise.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.Chromium;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A visitor in a real Chromium: watching an event's live seat map anonymously holds no session, and signing in,
 * booking and registering work from there as a person does them, by following the pages' links and forms.
 */
class AnonymousVisitorBrowserTest extends ApplicationTest {

    private static Chromium browser;

    private String eventId;

    @BeforeAll
    static void browser() {
        Chromium.assumeInstalled();
        browser = Chromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void eventOnSale() {
        eventId = eventOnSale("Corn Exchange", 3, 6, "Folk Night", 9);
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void anAnonymousVisitorWatchesLiveWithoutASessionThenSignsInAndBooks() {
        var email = "watcher-" + UUID.randomUUID() + "@example.com";
        api.register(email, ApiClient.USER_PASSWORD, "Wanda");
        var driver = browser.driver();
        driver.get(api.baseUrl() + "/events/" + eventId);
        browser.waiting(Duration.ofSeconds(10))
                .until(ignored -> "live"
                        .equals(driver.findElement(By.cssSelector(".sw-booking-form"))
                                .getAttribute("data-live")));
        assertThat(driver.manage().getCookieNamed("JSESSIONID"))
                .as("session of an anonymous view")
                .isNull();

        driver.findElement(By.cssSelector(".sw-summary a[href='/login']")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.manage().getCookieNamed("JSESSIONID"))
                .as("session of the sign-in form")
                .isNotNull();
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(ApiClient.USER_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        driver.get(api.baseUrl() + "/events/" + eventId);
        driver.findElement(By.cssSelector("[data-seat=\"8\"]")).click();
        driver.findElement(By.cssSelector("[data-action=book]")).click();

        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/bookings/"));
        assertThat(driver.findElement(By.cssSelector("[data-confirmation] .sw-confirmed-seats"))
                        .getText())
                .contains("Seat 2");
        eventually(() -> api.bookedSeats(eventId).contains(8));
        browser.screenshot("anonymous-visitor-booked");
    }

    @Test
    void anAnonymousVisitorRegistersFromTheHomePage() {
        var driver = browser.driver();
        driver.get(api.baseUrl() + "/");
        assertThat(driver.manage().getCookieNamed("JSESSIONID")).isNull();

        driver.findElement(By.cssSelector("nav a[href='/register']")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/register"));
        driver.findElement(By.id("displayName")).sendKeys("Rosa");
        driver.findElement(By.id("email")).sendKeys("rosa-" + UUID.randomUUID() + "@example.com");
        driver.findElement(By.id("password")).sendKeys(ApiClient.USER_PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();

        browser.waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/register")));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("Welcome to Seatwise");
        assertThat(driver.findElement(By.tagName("nav")).getText()).contains("Rosa");
    }
}
