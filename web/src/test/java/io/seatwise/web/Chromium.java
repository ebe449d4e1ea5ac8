package io.seatwise.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium driven by Selenium through Debian's chromedriver: {@code SEATWISE_TEST_CHROMIUM} and
 * {@code SEATWISE_TEST_CHROMEDRIVER} name them (CI sets both). Tests are skipped, saying why, only when they are
 * missing, and fail instead on CI ({@link Prerequisites}). The driver is named explicitly, so Selenium Manager never
 * downloads anything; the browser runs headless, in English, with a fresh profile and without any background
 * networking.
 */
public final class Chromium implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test class unless both Chromium and chromedriver are installed; on CI, fails it. */
    public static void assumeInstalled() {
        Prerequisites.require(
                Files.isExecutable(binary()) && Files.isExecutable(driverBinary()),
                "Browser tests need Chromium and chromedriver: set SEATWISE_TEST_CHROMIUM and "
                        + "SEATWISE_TEST_CHROMEDRIVER (CI installs Debian's chromium and chromium-driver)");
    }

    public static Chromium start() {
        return start(List.of());
    }

    /** A Chromium started with further command-line switches, such as a fake camera's. */
    public static Chromium start(List<String> switches) {
        assumeInstalled();
        System.setProperty("webdriver.chrome.driver", driverBinary().toString());
        try {
            var profile = Files.createTempDirectory("seatwise-chromium-");
            var options = new ChromeOptions();
            options.setBinary(binary().toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--lang=en-GB",
                    "--window-size=1280,1000",
                    "--user-data-dir=" + profile);
            options.addArguments(switches);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(driverBinary().toFile())
                    .usingAnyFreePort()
                    .build();
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting(Duration timeout) {
        var wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(25));
        return wait;
    }

    /** Signs in through the login form, after signing out whoever was signed in. */
    public void signIn(String baseUrl, String email, String password) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting(Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Blocks requests whose address matches one of the patterns ({@code *} is a wildcard), as a proxy might. */
    public void block(List<String> patterns) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", patterns));
    }

    /** Saves what the browser shows as {@code web/target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            var target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder; the system cleans it up
            }
        }
    }

    /** The browser: Debian's Chromium, or what {@code SEATWISE_TEST_CHROMIUM} names. */
    public static Path binary() {
        return Path.of(System.getenv().getOrDefault("SEATWISE_TEST_CHROMIUM", "/usr/bin/chromium"));
    }

    private static Path driverBinary() {
        return Path.of(System.getenv().getOrDefault("SEATWISE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    }
}
