package io.seatwise.web.mail;

import io.seatwise.web.ApiClient;
import java.util.List;

/** A person who registers through the API with an address of their own, and books. */
public record Booker(ApiClient api, String email, String accountId, String token) {

    public static Booker register(ApiClient api, String name) {
        var email = name.toLowerCase().replaceAll("[^a-z0-9]", "") + "-" + System.nanoTime() + "@example.com";
        var accountId = api.register(email, "correct-horse-battery", name);
        return new Booker(api, email, accountId, api.token(email, "correct-horse-battery"));
    }

    /** Books the seats and answers the booking's id; fails unless the booking is accepted. */
    public String book(String eventId, Integer... seats) {
        var response = api.book(token, eventId, List.of(seats));
        if (response.status() != 201) {
            throw new AssertionError("Booking failed: " + response.status() + " " + response.body());
        }
        return response.json().get("bookingId").asText();
    }
}
