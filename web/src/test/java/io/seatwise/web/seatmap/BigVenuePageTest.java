package io.seatwise.web.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 40,000-seat event page without JavaScript: one block of 800 seat controls and links to the other 49, so the page
 * stays small and quick however big the venue; booking works from any block.
 */
class BigVenuePageTest extends ApplicationTest {

    private static final Pattern SEAT = Pattern.compile("data-seat=\"(\\d+)\"");

    private String eventId;

    @BeforeEach
    void stadiumEvent() {
        eventId = eventOnSale("Stadium", 200, 200, "Cup Final", 30);
    }

    @Test
    void pageShowsOneBlockOfABigVenueAndLinksToTheOthers() {
        var browser = new BrowserSession(port);
        var page = browser.get("/events/" + eventId);

        assertThat(page.status()).isEqualTo(200);
        var seats = SEAT.matcher(page.body()).results().toList();
        assertThat(seats).hasSize(800);
        assertThat(seats.get(0).group(1)).isEqualTo("1");
        assertThat(page.body())
                .contains("aria-label=\"Main, Row T, Seat 40, Standard, £12.50, available\"")
                .contains("Block 1: Main, rows A to T, columns 1 to 40")
                .contains("?block=50#seat-map");
        assertThat(page.body().length()).as("page size").isLessThan(200_000);

        var last = browser.get("/events/" + eventId + "?block=50");
        assertThat(last.body()).contains("data-seat=\"40000\"").doesNotContain("data-seat=\"1\"");
        assertThat(browser.get("/events/" + eventId + "?seat=20001").body())
                .as("the block that holds a seat")
                .contains("Block 26: Main, rows CW to DP, columns 1 to 40")
                .contains("data-seat=\"20001\"");
        reportRenderTime(browser);
    }

    @Test
    void seatInTheLastBlockIsBookedByFormPostAndShowsBooked() {
        var email = "stadium-" + System.nanoTime() + "@example.com";
        api.register(email, "a-long-password", "Sam");
        var browser = new BrowserSession(port);
        browser.signIn(email, "a-long-password");
        browser.get("/events/" + eventId + "?block=50");

        var booked = browser.post("/events/" + eventId + "/book", Map.of("seats", List.of(39_999, 40_000)));

        assertThat(booked.location()).contains("/bookings/");
        eventually(() -> browser.get("/events/" + eventId + "?block=50")
                .body()
                .contains("data-seat=\"40000\" data-status=\"booked\""));
        // the count comes from the catalog, another projection
        eventually(() -> browser.get("/events/" + eventId).body().contains("39,998 of 40,000 seats left"));
    }

    /** Prints the server time of the page; timings on a shared build machine are reported, not asserted (SPEC §6). */
    private void reportRenderTime(BrowserSession browser) {
        var times = new long[11];
        for (int i = 0; i < times.length; i++) {
            var start = System.nanoTime();
            browser.get("/events/" + eventId + "?block=" + (i * 4 + 1));
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(times);
        System.out.printf("40,000-seat event page: median %d ms, slowest %d ms%n", times[5], times[10]);
    }
}
