package io.seatwise.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The browser UI without JavaScript: every step is a page or a plain form post, as SPEC §5 promises. */
class PageFlowTest extends ApplicationTest {

    private String eventId;

    @BeforeEach
    void eventOnSale() {
        var admin = adminToken();
        var venue = api.createVenue(admin, "Corn Exchange", 4, 5);
        eventId = api.scheduleEvent(admin, venue, "Folk Night", inDays(5));
        // the event page needs both the catalog and the seat map of the event
        eventually(() -> api.get("/api/events/" + eventId).status() == 200
                && api.get("/api/events/" + eventId + "/seats").status() == 200);
    }

    @Test
    void visitorRegistersBooksSeatsAndSeesThemUnderMyBookings() {
        var browser = new BrowserSession(port);
        browser.get("/register");
        var registered = browser.post(
                "/register",
                Map.of(
                        "displayName",
                        "Nia",
                        "email",
                        "nia-" + System.nanoTime() + "@example.com",
                        "password",
                        "a-long-password"));
        assertThat(registered.status()).isEqualTo(302);

        var eventPage = browser.get("/events/" + eventId);
        assertThat(eventPage.body())
                .contains("Folk Night")
                .contains("data-seat=\"20\"")
                .contains("data-action=\"book\"")
                .contains("aria-label=\"Main, Row A, Seat 1, Standard, £12.50, available\"");

        var booked = browser.post("/events/" + eventId + "/book", Map.of("seats", List.of(7, 8)));
        assertThat(booked.status()).isEqualTo(302);
        assertThat(booked.location()).contains("/bookings/");

        var confirmation = browser.get(browser.path(booked.location()));
        assertThat(confirmation.body()).contains("Folk Night").contains("Main, Row B, Seat 2; Main, Row B, Seat 3");

        eventually(() -> browser.get("/me/bookings").body().contains("Main, Row B, Seat 2; Main, Row B, Seat 3"));
        eventually(() -> browser.get("/events/" + eventId).body().contains("data-seat=\"7\" data-status=\"booked\""));
    }

    @Test
    void secondPersonIsToldWhichSeatsAreTakenAndKeepsTheOthersSelected() {
        var first = signedInUser("Ola");
        first.get("/events/" + eventId);
        first.post("/events/" + eventId + "/book", Map.of("seats", List.of(3, 4)));

        var second = signedInUser("Bea");
        second.get("/events/" + eventId);
        var refused = second.post("/events/" + eventId + "/book", Map.of("seats", List.of(4, 5)));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).contains("/events/" + eventId);
        var page = second.get("/events/" + eventId);
        assertThat(page.body()).contains("seat 4 was just booked by someone else");
        assertThat(page.body()).contains("data-seat=\"5\" data-status=\"selected\"");
        assertThat(page.body()).as("the running total without JavaScript").contains("Total: £12.50");
    }

    @Test
    void anonymousVisitorIsSentToSignInBeforeBooking() {
        var browser = new BrowserSession(port);
        assertThat(browser.get("/events/" + eventId).body()).contains("Sign in to book");
        assertThat(browser.get("/me/bookings").location()).endsWith("/login");
    }

    @Test
    void userGetsForbiddenPageOnAdminPages() {
        var user = signedInUser("Cy");
        assertThat(user.get("/admin").status()).isEqualTo(403);
    }

    @Test
    void unknownEventShowsFriendlyNotFoundPage() {
        var page = new BrowserSession(port).get("/events/does-not-exist");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Back to the events").doesNotContain("Exception");
    }

    @Test
    void adminCreatesVenueAndSchedulesEventThroughForms() {
        var admin = new BrowserSession(port);
        assertThat(admin.signIn(ADMIN_EMAIL, ADMIN_PASSWORD).status()).isEqualTo(302);
        admin.get("/admin/venues/new");
        var created = admin.post(
                "/admin/venues/new", Map.of("name", "Guildhall", "city", "Derby", "rows", 3, "seatsPerRow", 3));
        assertThat(created.location()).endsWith("/admin");

        eventually(() -> api.get("/api/venues").body().contains("Guildhall"));
        var venueId = api.get("/api/venues").json().findValues("id").stream()
                .map(node -> node.asText())
                .filter(id -> api.get("/api/venues/" + id).body().contains("Guildhall"))
                .findFirst()
                .orElseThrow();
        admin.get("/admin/events/new");
        var scheduled = admin.post(
                "/admin/events/new",
                Map.of(
                        "venueId",
                        venueId,
                        "title",
                        "Quiz",
                        "description",
                        "",
                        "startsAt",
                        FutureDates.local("01-01T20:00"),
                        "price",
                        "5.50"));
        assertThat(scheduled.status()).isEqualTo(302);
        var eventPath = admin.path(scheduled.location());
        eventually(() -> admin.get(eventPath).body().contains("Quiz"));
    }

    @Test
    void bookerCancelsBookingFromMyBookings() {
        var browser = signedInUser("Kai");
        browser.get("/events/" + eventId);
        var booked = browser.post("/events/" + eventId + "/book", Map.of("seats", List.of(11, 12)));
        var bookingId = booked.location().substring(booked.location().lastIndexOf('/') + 1);
        eventually(() -> browser.get("/me/bookings").body().contains("data-action=\"cancel-booking\""));

        var cancelled = browser.post("/bookings/" + bookingId + "/cancel", Map.of());

        assertThat(cancelled.status()).isEqualTo(302);
        assertThat(browser.path(cancelled.location())).isEqualTo("/me/bookings");
        assertThat(browser.get("/me/bookings").body()).contains("Your booking is cancelled");
        eventually(() -> browser.get("/me/bookings").body().contains("Cancelled"));
        assertThat(browser.get("/me/bookings").body()).doesNotContain("data-action=\"cancel-booking\"");
        eventually(
                () -> browser.get("/events/" + eventId).body().contains("data-seat=\"11\" data-status=\"available\""));
    }

    @Test
    void someoneElsesBookingCannotBeCancelledFromThePages() {
        var owner = signedInUser("Lou");
        owner.get("/events/" + eventId);
        var booked = owner.post("/events/" + eventId + "/book", Map.of("seats", List.of(13)));
        var bookingId = booked.location().substring(booked.location().lastIndexOf('/') + 1);
        var other = signedInUser("Max");
        other.get("/me/bookings");

        var refused = other.post("/bookings/" + bookingId + "/cancel", Map.of());

        assertThat(browserPath(other, refused)).isEqualTo("/me/bookings");
        assertThat(other.get("/me/bookings").body()).contains("That booking is not one of yours.");
        assertThat(api.book(api.newUserToken("Ned"), eventId, List.of(13)).status())
                .isEqualTo(409);
    }

    @Test
    void bookerWritesEditsAndDeletesReviewOnTheEventPage() {
        var browser = signedInUser("Ria");
        browser.get("/events/" + eventId);
        browser.post("/events/" + eventId + "/book", Map.of("seats", List.of(16)));
        assertThat(browser.get("/events/" + eventId).body()).contains("data-action=\"review\"");

        var published = browser.post(
                "/events/" + eventId + "/reviews",
                Map.of("rating", 4, "text", "<script>alert(1)</script>\nWould go again"));

        assertThat(published.status()).isEqualTo(302);
        assertThat(browserPath(browser, published)).isEqualTo("/events/" + eventId);
        assertThat(browser.get("/events/" + eventId).body()).contains("Thank you! Your review is published.");
        eventually(() -> browser.get("/events/" + eventId).body().contains("data-action=\"edit-review\""));
        var page = browser.get("/events/" + eventId).body();
        assertThat(page)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;\nWould go again")
                .doesNotContain("<script>alert(1)")
                .contains("aria-label=\"Rated 4 out of 5\"")
                .contains("4.0 out of 5 from 1 review")
                .doesNotContain("data-action=\"review\"");
        var reviewId = page.replaceAll("(?s).*data-review=\"([^\"]+)\".*", "$1");

        var edited = browser.post("/events/" + eventId + "/reviews/" + reviewId, Map.of("rating", 2, "text", "Meh"));
        assertThat(browserPath(browser, edited)).isEqualTo("/events/" + eventId);
        eventually(() -> browser.get("/events/" + eventId).body().contains("aria-label=\"Rated 2 out of 5\""));

        var deleted = browser.post("/events/" + eventId + "/reviews/" + reviewId + "/delete", Map.of());
        assertThat(browserPath(browser, deleted)).isEqualTo("/events/" + eventId);
        eventually(() -> browser.get("/events/" + eventId).body().contains("No reviews yet."));
        assertThat(browser.get("/events/" + eventId).body()).contains("data-action=\"review\"");
    }

    @Test
    void visitorWithoutBookingIsToldWhoMayReviewAndRefusedFriendly() {
        var browser = signedInUser("Sol");
        var page = browser.get("/events/" + eventId).body();
        assertThat(page)
                .contains("Only people who booked this event can review it.")
                .doesNotContain("data-action=\"review\"");

        var refused = browser.post("/events/" + eventId + "/reviews", Map.of("rating", 5, "text", "Sneaky"));

        assertThat(browserPath(browser, refused)).isEqualTo("/events/" + eventId);
        assertThat(browser.get("/events/" + eventId).body()).contains("Only people with a booking can review this.");
    }

    @Test
    void anonymousVisitorIsAskedToSignInToReview() {
        var browser = new BrowserSession(port);
        assertThat(browser.get("/events/" + eventId).body()).contains("Sign in to write a review");
        var refused = browser.post("/events/" + eventId + "/reviews", Map.of("rating", 5, "text", "Hi"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/login");
    }

    /** Where a post led, without the fragment that points into the page. */
    private static String browserPath(BrowserSession browser, BrowserSession.Page page) {
        var path = browser.path(page.location());
        var fragment = path.indexOf('#');
        return fragment < 0 ? path : path.substring(0, fragment);
    }

    private BrowserSession signedInUser(String name) {
        return BrowserSession.signedInUser(api, name);
    }
}
