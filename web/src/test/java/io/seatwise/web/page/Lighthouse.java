package io.seatwise.web.page;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seatwise.web.Chromium;
import io.seatwise.web.NpmTool;
import io.seatwise.web.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Google's Lighthouse at the version that {@code src/test/lighthouse/package-lock.json} pins ({@link NpmTool}),
 * auditing a page's performance as its CLI does by default: a mid-range phone's screen and CPU (4× slowdown) on a
 * slow 4G connection (150 ms round trips, 1.6 Mbit/s down), simulated from one unthrottled load of the page in
 * Debian's Chromium ({@code SEATWISE_TEST_CHROMIUM}). Each report is kept in {@code target/lighthouse/reports}.
 *
 * <p>Lighthouse 13 declares Node.js 22.19 or later; it runs on the Node.js 20 that CI installs (npm warns
 * {@code EBADENGINE}), and a failure to run fails the test with Lighthouse's own message.
 */
final class Lighthouse {

    private static final NpmTool LIGHTHOUSE = NpmTool.of("lighthouse", "lighthouse", "The Lighthouse audits");
    private static final Path REPORTS = Path.of("target", "lighthouse", "reports");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Lighthouse() {}

    /** Lighthouse's performance score (0 to 1) of one load of a page, and the figures it weighs. */
    record Audit(
            String page,
            double score,
            double firstContentfulPaintMs,
            double largestContentfulPaintMs,
            double totalBlockingTimeMs,
            double cumulativeLayoutShift,
            double speedIndexMs,
            long transferredBytes,
            double serverResponseMs) {

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%s: performance %.2f, FCP %.0f ms, LCP %.0f ms, TBT %.0f ms, CLS %.3f, Speed Index %.0f ms,"
                            + " %,d bytes transferred, server answered the page in %.0f ms",
                    page,
                    score,
                    firstContentfulPaintMs,
                    largestContentfulPaintMs,
                    totalBlockingTimeMs,
                    cumulativeLayoutShift,
                    speedIndexMs,
                    transferredBytes,
                    serverResponseMs);
        }
    }

    /** Skips the calling test unless Chromium is installed; on CI, fails it. */
    static void assumeChromium() {
        Prerequisites.require(
                Files.isExecutable(Chromium.binary()),
                "Lighthouse needs Chromium: set SEATWISE_TEST_CHROMIUM (CI installs Debian's chromium)");
    }

    /** Audits the page's performance on a phone; its report is kept as {@code target/lighthouse/reports/<name>.json}. */
    static Audit performance(String url, String name) throws IOException, InterruptedException {
        assumeChromium();
        var binary = LIGHTHOUSE.install();
        Files.createDirectories(REPORTS);
        var report = REPORTS.resolve(name + ".json").toAbsolutePath();
        Files.deleteIfExists(report);
        var run = LIGHTHOUSE.run(
                Map.of("CHROME_PATH", Chromium.binary().toString()),
                Duration.ofMinutes(3),
                binary.toString(),
                url,
                "--only-categories=performance",
                "--output=json",
                "--output-path=" + report,
                "--quiet",
                // as the browser tests run it: no display, as root, in a container's small /dev/shm
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage");
        if (run.exitCode() != 0 || !Files.exists(report)) {
            fail("Lighthouse failed on " + url + " (exit code " + run.exitCode() + "): " + run.output() + run.errors());
        }
        var result = JSON.readTree(report.toFile());
        var score = result.path("categories").path("performance").path("score");
        if (!score.isNumber()) {
            fail("Lighthouse gave " + url + " no performance score: " + result.path("runtimeError"));
        }
        var audits = result.path("audits");
        return new Audit(
                name,
                score.asDouble(),
                value(audits, "first-contentful-paint"),
                value(audits, "largest-contentful-paint"),
                value(audits, "total-blocking-time"),
                value(audits, "cumulative-layout-shift"),
                value(audits, "speed-index"),
                (long) value(audits, "total-byte-weight"),
                value(audits, "server-response-time"));
    }

    private static double value(JsonNode audits, String audit) {
        var value = audits.path(audit).path("numericValue");
        if (!value.isNumber()) {
            fail("Lighthouse's report has no figure for " + audit + ": " + audits.path(audit));
        }
        return value.asDouble();
    }
}
