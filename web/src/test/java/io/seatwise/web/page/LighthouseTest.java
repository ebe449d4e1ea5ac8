package io.seatwise.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.TimeSensitive;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A phone opens the home page and an event page fast: Lighthouse's performance score, with its default mobile
 * settings ({@link Lighthouse}), is at least {@value #TARGET} for both, on the demo data of a first start. The event
 * page is the demo's heaviest (the hall with sections, categories and prices, drawn as a seat map of checkboxes).
 *
 * <p>What it proves: what a page costs a phone on a slow network, which is what this application decides: how many
 * bytes it sends before the first paint (compressed pages, styles and scripts; no script a page does not use), which of
 * them block rendering, how much script runs, and whether the layout shifts. Lighthouse simulates the phone's network
 * and CPU from one load in Chromium, so those figures depend on the page, not on the machine's speed. Two inputs come
 * from the machine: the server's time to answer the page, and the CPU time Chromium spent, which Lighthouse scales by
 * 4. Both grow on a machine busy with other work: on the 2-core development box, with other builds running (load
 * average 15 to 25) and four more busy loops, both pages still scored 0.98 to 1.00, against 0.93 and 0.85 before the
 * pages were made light (docs/performance.md). So the server is warmed up first, as one in service is (each page and
 * its files asked for a few times), and a page that scores below the target is audited once more: both runs are
 * printed, and the page passes only if the second reaches the target. A page that really is slow fails both; one that a
 * busy moment slowed once does not fail the build. It does not prove the site is fast on a real phone's network, and it
 * does not measure later visits, whose styles and scripts come from the browser's cache (the year-long caching is
 * {@link CachingAndCompressionTest}'s).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TimeSensitive
class LighthouseTest {

    static final double TARGET = 0.95;

    private static final Pattern STATIC_LINK = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|js|images)/[^\"]+)\"");
    private static final Pattern EVENT_LINK = Pattern.compile("href=\"(/events/[0-9a-f-]{36})\"");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void demoData(DynamicPropertyRegistry registry) throws Exception {
        var directory = Files.createTempDirectory("seatwise-lighthouse-");
        registry.add("seatwise.data-dir", directory::toString);
        registry.add("seatwise.demo", () -> "true");
        registry.add("seatwise.admin.email", () -> ApplicationTest.ADMIN_EMAIL);
        registry.add("seatwise.admin.password", () -> ApplicationTest.ADMIN_PASSWORD);
    }

    @BeforeAll
    static void chromium() {
        Lighthouse.assumeChromium();
    }

    @Test
    void homePageIsFastOnAPhone() throws Exception {
        ApplicationTest.eventually(Duration.ofSeconds(30), () -> demoEvents().size() >= 4);

        assertFastOnAPhone("/", "home");
    }

    @Test
    void eventPageIsFastOnAPhone() throws Exception {
        ApplicationTest.eventually(Duration.ofSeconds(30), () -> demoEvents().size() >= 4);
        String heaviest = null;
        var heaviestLength = 0;
        for (var event : demoEvents()) {
            var length = get(event, false).body().length();
            if (length > heaviestLength) {
                heaviest = event;
                heaviestLength = length;
            }
        }

        assertFastOnAPhone(heaviest, "event");
    }

    private void assertFastOnAPhone(String path, String name) throws Exception {
        warmUp(path);
        var url = "http://localhost:" + port + path;

        var first = Lighthouse.performance(url, name);
        System.out.println("Lighthouse, " + first);
        if (first.score() >= TARGET) {
            return;
        }
        var second = Lighthouse.performance(url, name + "-again");
        System.out.println("Lighthouse, once more after " + first.score() + ": " + second);
        assertThat(second.score())
                .as(
                        "Lighthouse's performance score of %s in two runs (target %s):%n%s%n%s",
                        path, TARGET, first, second)
                .isGreaterThanOrEqualTo(TARGET);
    }

    /** The page and each file it links, asked for as a browser does, a few times: a server in service is warm. */
    private void warmUp(String path) throws Exception {
        for (int round = 0; round < 10; round++) {
            var page = get(path, true);
            assertThat(page.statusCode()).isEqualTo(200);
            if (round == 0) {
                var files = STATIC_LINK.matcher(get(path, false).body());
                while (files.find()) {
                    assertThat(get(files.group(1), true).statusCode()).isEqualTo(200);
                }
            }
        }
    }

    /** The events the home page links to, once the demo data's are there (the read side follows the seeding). */
    private List<String> demoEvents() {
        try {
            var events = new ArrayList<String>();
            var links = EVENT_LINK.matcher(get("/", false).body());
            while (links.find()) {
                events.add(links.group(1));
            }
            return events;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path, boolean gzip) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,*/*;q=0.8");
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
