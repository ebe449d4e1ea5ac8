package io.seatwise.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.Chromium;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person's account in a real Chromium, with the mail a person would get: signing up, following the mailed link and
 * then booking; changing the password on the account page; resetting a forgotten one from the sign-in page.
 */
class AccountBrowserTest extends MailedAccountsTest {

    private static final String PASSWORD = "a-long-password";
    private static final String NEW_PASSWORD = "another-long-sentence";

    private static Chromium chromium;

    @BeforeAll
    static void browser() {
        Chromium.assumeInstalled();
        chromium = Chromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aNewPersonSignsUpFollowsTheMailedLinkAndBooks() {
        var eventId = eventOnSale("Browser Hall", 2, 8, "Signed Up Night", 11);
        var email = uniqueEmail("Nora");
        var driver = chromium.driver();
        driver.manage().deleteAllCookies();

        driver.get(api.baseUrl() + "/register");
        driver.findElement(By.id("displayName")).sendKeys("Nora");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        click(driver.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(find(".alert-success").getText()).contains("We mailed you a link");
        chromium.screenshot("account-1-signed-up");

        driver.get(api.baseUrl() + "/events/" + eventId);
        click(find("[data-seat=\"3\"]"));
        click(find("[data-action=book]"));
        assertThat(find(".alert-danger").getText()).contains("Please confirm your email address first");
        assertThat(find("[data-action=verify-email]").isDisplayed()).isTrue();
        chromium.screenshot("account-2-refused");

        var link = mailedLink(email, VERIFY_LINK);
        driver.get(api.baseUrl() + link.path());
        assertThat(find(".alert-success").getText()).contains("your email address is confirmed");

        driver.get(api.baseUrl() + "/events/" + eventId);
        click(find("[data-seat=\"3\"]"));
        click(find("[data-action=book]"));
        chromium.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/bookings/"));
        chromium.screenshot("account-3-booked");
    }

    @Test
    void aPersonChangesTheirPasswordOnTheAccountPage() {
        var email = uniqueEmail("Olga");
        api.register(email, PASSWORD, "Olga");
        chromium.signIn(api.baseUrl(), email, PASSWORD);

        chromium.driver().get(api.baseUrl() + "/me/account");
        find("#currentPassword").sendKeys(PASSWORD);
        find("#newPassword").sendKeys(NEW_PASSWORD);
        click(find("[data-action=change-password]"));

        assertThat(find(".alert-success").getText()).contains("Your password is changed");
        assertThat(chromium.driver().getCurrentUrl()).endsWith("/me/account");
        chromium.screenshot("account-4-password-changed");
        chromium.signIn(api.baseUrl(), email, NEW_PASSWORD);
        assertThat(chromium.driver().getCurrentUrl()).doesNotContain("error");
    }

    @Test
    void aPersonWhoForgotTheirPasswordResetsIt() {
        var email = uniqueEmail("Pia");
        api.register(email, PASSWORD, "Pia");
        var driver = chromium.driver();
        driver.manage().deleteAllCookies();

        driver.get(api.baseUrl() + "/login");
        click(find("[data-action=forgot-password]"));
        find("#email").sendKeys(email);
        click(find("[data-action=request-reset]"));
        assertThat(find(".alert-success").getText()).contains("a link is on its way");

        var link = mailedLink(email, RESET_LINK);
        driver.get(api.baseUrl() + link.path());
        find("#newPassword").sendKeys(NEW_PASSWORD);
        click(find("[data-action=reset-password]"));
        chromium.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
        assertThat(find(".alert-success").getText()).contains("Your new password is saved");
        chromium.screenshot("account-5-reset");

        chromium.signIn(api.baseUrl(), email, NEW_PASSWORD);
        assertThat(driver.getCurrentUrl()).doesNotContain("error");
    }

    /** Clicks as a person would, after scrolling the element to the middle of the screen. */
    private static void click(WebElement element) {
        chromium.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private static WebElement find(String css) {
        return chromium.waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }
}
