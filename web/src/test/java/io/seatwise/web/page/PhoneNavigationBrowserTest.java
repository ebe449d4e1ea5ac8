package io.seatwise.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.Chromium;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * On a phone's narrow screen the navigation's links fold behind the menu button, which opens and closes them
 * ({@code static/js/navigation.js}, in place of Bootstrap's script bundle); on a wide screen they are simply there.
 */
class PhoneNavigationBrowserTest extends ApplicationTest {

    private static Chromium browser;

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

    @Test
    void theMenuButtonOpensAndClosesTheLinksOnAPhone() {
        browser.resize(412, 915);
        var driver = browser.driver();
        driver.get(api.baseUrl() + "/");
        var menu = driver.findElement(By.cssSelector("[data-action='toggle-navigation']"));
        var signIn = driver.findElement(By.cssSelector("#nav-links a[href='/login']"));
        assertThat(menu.isDisplayed()).isTrue();
        assertThat(signIn.isDisplayed()).isFalse();
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");

        menu.click();

        browser.waiting(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(signIn));
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");

        menu.click();

        browser.waiting(Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOf(signIn));
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");

        browser.resize(1280, 1000);
        browser.waiting(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(signIn));
        assertThat(menu.isDisplayed()).isFalse();
    }
}
