package io.seatwise.web.door;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.ticket.TicketCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The door's API over real HTTP: who may use it, what it admits and refuses, and that a ticket is admitted once. */
class DoorApiTest extends ApplicationTest {

    @Autowired
    TicketCodes codes;

    @Test
    void staffAdmitsATypedReferenceOnceAndAttendanceCountsIt() {
        var event = eventOnSale("Door Hall", 2, 5, "Door night", 7);
        var ann = newUser("Ann Door");
        var booked = api.book(ann.token(), event, List.of(3, 4));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        var reference = booked.json().path("reference").asText();
        var staff = staffToken("Stella");

        var admitted = checkIn(staff, event, Map.of("reference", reference.toLowerCase(), "seat", 4));

        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
        assertThat(admitted.json().path("seat").asInt()).isEqualTo(4);
        assertThat(admitted.json().path("label").asText()).isEqualTo("Main, Row A, Seat 4");
        assertThat(admitted.json().path("reference").asText()).isEqualTo(reference);
        assertThat(admitted.json().path("holder").asText()).isEqualTo("Ann Door");
        var checkedInAt = admitted.json().path("checkedInAt").asText();
        assertThat(Instant.parse(checkedInAt)).isBeforeOrEqualTo(Instant.now());

        var again = checkIn(adminToken(), event, Map.of("reference", reference, "seat", 4));
        assertProblem(again, 409, "admitted already");
        assertThat(again.json().path("reason").asText()).isEqualTo("already-checked-in");
        assertThat(Instant.parse(again.json().path("checkedInAt").asText())).isEqualTo(Instant.parse(checkedInAt));

        eventually(() -> api.get("/api/events/" + event + "/attendance", staff)
                .body()
                .replace(" ", "")
                .equals("{\"booked\":2,\"checkedIn\":1}"));
    }

    @Test
    void scannedCodeIsAdmittedOnceAndForgedOrForeignCodesAreRefused() {
        var event = eventOnSale("Coded Hall", 2, 5, "Coded night", 7);
        var other = eventOnSale("Other Coded Hall", 1, 5, "Other coded night", 7);
        var ann = newUser("Ann Code");
        var booking = api.book(ann.token(), event, List.of(6, 7))
                .json()
                .path("bookingId")
                .asText();
        var elsewhere = api.book(ann.token(), other, List.of(1))
                .json()
                .path("bookingId")
                .asText();
        var staff = staffToken("Scanner");
        var code = codes.code(EventId.of(event), BookingId.of(booking), 7);

        var admitted = checkIn(staff, event, Map.of("code", code));

        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
        assertThat(admitted.json().path("seat").asInt()).isEqualTo(7);
        assertThat(admitted.json().path("label").asText()).isEqualTo("Main, Row B, Seat 2");
        assertThat(admitted.json().path("holder").asText()).isEqualTo("Ann Code");
        assertReason(checkIn(staff, event, Map.of("code", code)), 409, "already-checked-in");
        // one character of the payload changed: another booking, or another seat, that the signature does not cover
        var altered = code.substring(0, 8) + (code.charAt(8) == 'A' ? 'B' : 'A') + code.substring(9);
        assertReason(checkIn(staff, event, Map.of("code", altered)), 400, "invalid-code");
        var seatNotBooked = codes.code(EventId.of(event), BookingId.of(booking), 8);
        assertReason(checkIn(staff, event, Map.of("code", seatNotBooked)), 400, "invalid-code");
        var foreign = codes.code(EventId.of(other), BookingId.of(elsewhere), 1);
        assertReason(checkIn(staff, event, Map.of("code", foreign)), 400, "wrong-event");
    }

    @Test
    void refusalsNameWhyTheTicketIsNotAdmitted() {
        var event = eventOnSale("Refusing Hall", 2, 5, "Refusals night", 7);
        var other = eventOnSale("Other Hall", 1, 5, "Other night", 7);
        var ann = newUser("Ann");
        var kept = api.book(ann.token(), event, List.of(1));
        var cancelled = api.book(ann.token(), event, List.of(2));
        var elsewhere = api.book(ann.token(), other, List.of(1));
        assertThat(api.delete(
                                "/api/bookings/"
                                        + cancelled.json().path("bookingId").asText(),
                                ann.token())
                        .status())
                .isEqualTo(204);
        var staff = staffToken("Sam");
        var reference = kept.json().path("reference").asText();

        assertReason(checkIn(staff, event, Map.of("reference", reference, "seat", 2)), 400, "invalid-code");
        assertReason(checkIn(staff, event, Map.of("reference", "K7P-3QX-9M2", "seat", 1)), 400, "invalid-code");
        assertReason(checkIn(staff, event, Map.of("reference", "not one", "seat", 1)), 400, "invalid-code");
        assertReason(checkIn(staff, event, Map.of("code", "SW1.forged.code")), 400, "invalid-code");
        assertReason(
                checkIn(
                        staff,
                        event,
                        Map.of("reference", elsewhere.json().path("reference").asText(), "seat", 1)),
                400,
                "wrong-event");
        assertReason(
                checkIn(
                        staff,
                        event,
                        Map.of("reference", cancelled.json().path("reference").asText(), "seat", 2)),
                409,
                "cancelled");
        assertThat(checkIn(staff, event, Map.of("reference", reference)).status())
                .isEqualTo(400);
        assertThat(checkIn(staff, event, Map.of()).status()).isEqualTo(400);
        assertThat(checkIn(staff, UUID.randomUUID().toString(), Map.of("reference", reference, "seat", 1))
                        .status())
                .isEqualTo(404);

        eventually(() -> api.get("/api/events/" + event + "/attendance", staff)
                .body()
                .replace(" ", "")
                .equals("{\"booked\":1,\"checkedIn\":0}"));
    }

    @Test
    void onlyStaffAndAdminsUseTheDoor() {
        var event = eventOnSale("Guarded Hall", 1, 5, "Guarded night", 7);
        var ann = newUser("Ann");
        var reference = api.book(ann.token(), event, List.of(1, 2))
                .json()
                .path("reference")
                .asText();
        var staff = staffToken("Stan");
        var admin = adminToken();
        var checkIns = "/api/events/" + event + "/check-ins";

        for (var path : List.of("/api/events/" + event + "/attendance", "/api/events/" + event + "/door-list")) {
            assertThat(api.get(path).status()).as(path).isEqualTo(401);
            assertThat(api.get(path, ann.token()).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, staff).status()).as(path).isEqualTo(200);
            assertThat(api.get(path, admin).status()).as(path).isEqualTo(200);
        }
        assertThat(api.post(checkIns, Map.of("reference", reference, "seat", 1)).status())
                .isEqualTo(401);
        assertThat(api.post(checkIns, Map.of("reference", reference, "seat", 1), ann.token())
                        .status())
                .isEqualTo(403);
        assertThat(api.post(checkIns, Map.of("reference", reference, "seat", 1), staff)
                        .status())
                .isEqualTo(200);
        assertThat(api.post(checkIns, Map.of("reference", reference, "seat", 2), admin)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void doorListHoldsEveryLiveBookingWithItsAdmittedSeatsAndTheCancelledOnes() {
        var event = eventOnSale("Listed Hall", 2, 5, "Listed night", 7);
        var ann = newUser("Ann List");
        var booked = api.book(ann.token(), event, List.of(7, 6));
        var dropped = api.book(ann.token(), event, List.of(9));
        var droppedId = dropped.json().path("bookingId").asText();
        api.delete("/api/bookings/" + droppedId, ann.token());
        var staff = staffToken("Lis");
        var reference = booked.json().path("reference").asText();
        assertThat(checkIn(staff, event, Map.of("reference", reference, "seat", 7))
                        .status())
                .isEqualTo(200);

        eventually(() ->
                api.get("/api/events/" + event + "/door-list", staff).body().contains("\"checkedIn\":[7]"));
        var list = api.get("/api/events/" + event + "/door-list", staff).json();
        assertThat(list.path("title").asText()).isEqualTo("Listed night");
        assertThat(list.path("publicKey").isTextual()).isTrue();
        assertThat(list.path("bookings")).hasSize(1);
        var entry = list.path("bookings").get(0);
        assertThat(entry.path("reference").asText()).isEqualTo(reference);
        assertThat(entry.path("bookingId").asText())
                .isEqualTo(booked.json().path("bookingId").asText());
        assertThat(entry.path("holder").asText()).isEqualTo("Ann List");
        assertThat(ApiClient.ints(entry.path("seats"))).containsExactly(6, 7);
        assertThat(entry.path("labels").get(1).asText()).isEqualTo("Main, Row B, Seat 2");
        assertThat(ApiClient.ints(entry.path("checkedIn"))).containsExactly(7);
        assertThat(list.path("cancelled").toString())
                .contains(droppedId, dropped.json().path("reference").asText());
    }

    @Test
    void sixteenSimultaneousScansOfOneTicketAdmitItOnce() throws Exception {
        var event = eventOnSale("Crowded Hall", 2, 5, "Crowded night", 7);
        var ann = newUser("Ann");
        var reference = api.book(ann.token(), event, List.of(5))
                .json()
                .path("reference")
                .asText();
        var staff = staffToken("Door One");
        var scans = 16;
        var start = new CountDownLatch(1);
        var executor = Executors.newFixedThreadPool(scans);
        try {
            var answers = new ArrayList<Future<ApiClient.Response>>();
            for (int i = 0; i < scans; i++) {
                answers.add(executor.submit(() -> {
                    start.await();
                    return checkIn(staff, event, Map.of("reference", reference, "seat", 5));
                }));
            }
            start.countDown();
            var admitted = 0;
            var refused = 0;
            for (var answer : answers) {
                var response = answer.get();
                if (response.status() == 200) {
                    admitted++;
                } else {
                    assertReason(response, 409, "already-checked-in");
                    refused++;
                }
            }
            assertThat(admitted).isEqualTo(1);
            assertThat(refused).isEqualTo(scans - 1);
        } finally {
            executor.shutdownNow();
        }
        eventually(() -> api.get("/api/events/" + event + "/attendance", staff)
                .body()
                .replace(" ", "")
                .equals("{\"booked\":1,\"checkedIn\":1}"));
    }

    @Test
    void doorPageGreetsStaffInTheirLanguage() {
        var event = eventOnSale("Sprach Hall", 1, 5, "Sprachabend", 7);
        var user = newUser("Dora");
        api.put("/api/admin/users/" + user.id() + "/role", Map.of("role", "STAFF"), adminToken());
        var staff = BrowserSession.signedIn(api, user.email(), ApiClient.USER_PASSWORD);

        var page = staff.get("/events/" + event + "/door?lang=de");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Einlass: Sprachabend", "data-field=\"reference\"", "Platznummer");
        assertThat(staff.get("/events/" + event + "/door?lang=en").body()).contains("Door: Sprachabend");
    }

    record User(String id, String email, String token) {}

    private User newUser(String name) {
        var email = "door-" + UUID.randomUUID() + "@example.com";
        var id = api.register(email, ApiClient.USER_PASSWORD, name);
        return new User(id, email, api.token(email, ApiClient.USER_PASSWORD));
    }

    /** A new account that an admin made door staff, and its token. */
    private String staffToken(String name) {
        var user = newUser(name);
        var changed = api.put("/api/admin/users/" + user.id() + "/role", Map.of("role", "STAFF"), adminToken());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        return api.token(user.email(), ApiClient.USER_PASSWORD);
    }

    private ApiClient.Response checkIn(String token, String event, Map<String, Object> body) {
        return api.post("/api/events/" + event + "/check-ins", body, token);
    }

    private static void assertReason(ApiClient.Response response, int status, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("reason").asText()).as(response.body()).isEqualTo(reason);
    }
}
