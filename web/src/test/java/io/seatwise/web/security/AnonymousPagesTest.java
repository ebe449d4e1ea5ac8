package io.seatwise.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An anonymous look at a public page (home, an event, a venue) starts no session, so a rush of visitors costs no memory
 * per view; the forms anonymous visitors do send (sign-in, registration) still get their CSRF token, and a signed-in
 * visitor books from the same pages as before.
 */
class AnonymousPagesTest extends ApplicationTest {

    private String eventId;
    private String venueId;

    @BeforeEach
    void eventOnSale() {
        eventId = eventOnSale("Open House", 2, 5, "Open Rehearsal", 8);
        venueId = api.get("/api/events/" + eventId).json().path("venueId").asText();
    }

    @Test
    void anonymousViewsOfPublicPagesSetNoSessionCookie() {
        for (var path : List.of(
                "/", "/events/" + eventId, "/venues/" + venueId, "/?lang=de", "/events/" + eventId + "?lang=de")) {
            var browser = new BrowserSession(port);

            var page = browser.get(path);

            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.headers().allValues("Set-Cookie"))
                    .as("cookies set by " + path)
                    .noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
            assertThat(browser.cookie("JSESSIONID")).as(path).isNull();
        }
        var eventPage = new BrowserSession(port).get("/events/" + eventId);
        assertThat(eventPage.body()).contains("data-seat=\"1\"").contains("href=\"/login\"");
    }

    @Test
    void aVisitorWhoOpensTheSignInFormGetsASessionAndSignsInAndBooks() {
        var email = "visitor-" + UUID.randomUUID() + "@example.com";
        api.register(email, ApiClient.USER_PASSWORD, "Vera");
        var browser = new BrowserSession(port);
        browser.get("/events/" + eventId);
        assertThat(browser.cookie("JSESSIONID")).isNull();

        var form = browser.get("/login");

        assertThat(browser.cookie("JSESSIONID"))
                .as("the sign-in form keeps its token")
                .isNotNull();
        assertThat(form.body()).contains("name=\"_csrf\"");
        var signedIn = browser.post("/login", Map.of("email", email, "password", ApiClient.USER_PASSWORD));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");

        assertThat(browser.get("/events/" + eventId).status()).isEqualTo(200);
        var booked = browser.post("/events/" + eventId + "/book", Map.of("seats", List.of(3)));

        assertThat(booked.status()).as(booked.body()).isEqualTo(302);
        assertThat(browser.path(booked.location())).startsWith("/bookings/");
        eventually(() -> api.bookedSeats(eventId).contains(3));
    }

    @Test
    void aVisitorRegistersThroughTheFormAndIsSignedIn() {
        var browser = new BrowserSession(port);
        browser.get("/");
        assertThat(browser.cookie("JSESSIONID")).isNull();
        browser.get("/register");

        var registered = browser.post(
                "/register",
                Map.of(
                        "displayName",
                        "Rita",
                        "email",
                        "rita-" + UUID.randomUUID() + "@example.com",
                        "password",
                        ApiClient.USER_PASSWORD));

        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        assertThat(browser.path(registered.location())).isEqualTo("/");
        assertThat(browser.get("/me/bookings").status()).as("signed in").isEqualTo(200);
    }

    @Test
    void anEventPagesFormSentWithoutASessionSignsNothingInAndAsksToSignIn() {
        var browser = new BrowserSession(port);
        browser.get("/events/" + eventId);

        var refused = browser.post("/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));

        assertThat(refused.status()).as("a token no session holds").isEqualTo(302);
        assertThat(browser.path(refused.location())).isEqualTo("/login");
        assertThat(browser.get("/me/bookings").status()).as("still signed out").isEqualTo(302);
        var visitor = new BrowserSession(port);
        visitor.get("/events/" + eventId);
        var booking = visitor.post("/events/" + eventId + "/book", Map.of("seats", List.of(4)));
        assertThat(booking.status()).isEqualTo(302);
        assertThat(visitor.path(booking.location())).isEqualTo("/login");
    }
}
