package io.seatwise.web.booking;

import static io.seatwise.web.JsonBodies.with;
import static io.seatwise.web.ProblemAssertions.assertNotFound;
import static io.seatwise.web.ProblemAssertions.assertProblem;
import static io.seatwise.web.ProblemAssertions.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BadTokens;
import io.seatwise.web.JsonBodies;
import io.seatwise.web.ProblemAssertions;
import io.seatwise.web.StoredState;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/events/{id}/bookings} given everything but what it expects, on an event of 100 seats where
 * another user holds seats 1 and 2 and the booking user holds seat 3. Seats 4 to 10 stay free; every check books a
 * marker seat from 11 on.
 */
class BadInputBookingApiTest extends ApplicationTest {

    private static final int CAPACITY = 100;
    private static final String VALID = "{\"seats\": [7]}";

    private static String eventId;
    private static String userToken;
    /** Seats booked on the event so far. */
    private static int bookedSeats;
    /** Bookings the user has made on any event so far. */
    private static int userBookings;

    private static int nextMarkerSeat = 11;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void eventWithSomeSeatsTaken() {
        if (eventId == null) {
            var admin = adminToken();
            var venueId = api.createVenue(admin, "Booking hall", 10, 10);
            // Ursula books a marker seat after every refused request: more than an account may hold by default
            eventId = api.scheduleEventWithoutLimit(admin, venueId, "Booking night", inDays(10));
            var other = api.newUserToken("Olga");
            userToken = api.newUserToken("Ursula");
            assertThat(api.book(other, eventId, List.of(1, 2)).status()).isEqualTo(201);
            assertThat(api.book(userToken, eventId, List.of(3)).status()).isEqualTo(201);
            bookedSeats = 3;
            userBookings = 1;
        }
    }

    static Stream<Arguments> malformedBodies() {
        return JsonBodies.malformed(VALID);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                arguments("7", "seats"),
                arguments("\"7\"", "seats"),
                arguments("\"7,8\"", "seats"),
                arguments("true", "seats"),
                arguments("{\"7\": true}", "seats"),
                arguments("[\"7\"]", "seats[0]"),
                arguments("[7.5]", "seats[0]"),
                arguments("[7.0]", "seats[0]"),
                arguments("[true]", "seats[0]"),
                arguments("[[7]]", "seats[0]"),
                arguments("[{\"seat\": 7}]", "seats[0]"),
                arguments("[99999999999]", "seats[0]"),
                arguments("[7, \"8\"]", "seats[1]"));
    }

    static Stream<Arguments> invalidSeats() {
        return Stream.of(
                arguments("null", "seats"),
                arguments("[]", "at least one seat"),
                arguments("[null]", "null"),
                arguments("[7, null]", "null"),
                arguments("[0]", "no such seat: 0"),
                arguments("[-1]", "no such seat: -1"),
                arguments("[" + (CAPACITY + 1) + "]", "no such seat: 101"),
                arguments("[2147483647]", "no such seat: 2147483647"),
                arguments("[-2147483648]", "no such seat: -2147483648"),
                arguments("[7, 7]", "more than once: 7"),
                arguments("[7, 8, 7, 8, 7]", "more than once: 7, 8"),
                arguments("[0, 7, 7]", "no such seat: 0"),
                arguments(named("11 distinct seats", seatList(1, 11)), "at most 10 seats, 11"),
                arguments(named("5,000 distinct seats", seatList(1, 5_000)), "at most 10 seats, 5000"));
    }

    @Test
    void theValidBodyBehindTheMalformedOnesIsAcceptedOnAnotherEvent() {
        var admin = adminToken();
        var otherEvent = api.scheduleEvent(admin, api.createVenue(admin, "Side room", 2, 5), "Side show", inDays(9));

        var response = api.postRaw("/api/events/" + otherEvent + "/bookings", VALID, userToken);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("seats").toString()).isEqualTo("[7]");
        userBookings++;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedJsonIsRefusedAndBooksNothing(String malformation, String body) {
        assertRefusedWithoutTrace(() -> book(body), 400, "JSON");
    }

    @ParameterizedTest(name = "seats = {0}")
    @MethodSource("wrongTypes")
    void seatsOfTheWrongTypeAreRefusedByName(String seats, String field) {
        assertRefusedWithoutTrace(() -> book(with(VALID, "seats", seats)), 400, field);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"seat\": [7]}", "{\"Seats\": [7]}"})
    void missingSeatsAreRefusedByName(String body) {
        assertRefusedWithoutTrace(() -> book(body), 400, "seats");
    }

    @ParameterizedTest(name = "seats = {0}")
    @MethodSource("invalidSeats")
    void invalidSeatsAreRefusedAndNamed(String seats, String mention) {
        assertRefusedWithoutTrace(() -> book(with(VALID, "seats", seats)), 400, mention);
    }

    @Test
    void unknownAndRepeatedSeatsAreListedInTheProblem() {
        var problem = assertRefusedWithoutTrace(() -> book("{\"seats\": [0, 101, 7, 8, 7]}"), 400, "seat");

        assertThat(problem.get("unknownSeats").toString()).isEqualTo("[0,101]");
        assertThat(problem.get("repeatedSeats").toString()).isEqualTo("[7]");
    }

    @Test
    void aTakenSeatAmongFreeOnesBooksNoneOfThemAndIsNamed() {
        var problem = assertRefusedWithoutTrace(() -> book("{\"seats\": [8, 1, 9]}"), 409, "Already booked: 1");

        assertThat(problem.get("unavailableSeats").toString()).isEqualTo("[1]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.seatwise.web.MalformedIds#all")
    void bookingAnUnknownOrMalformedEventIsNotFound(String kind, String id) {
        assertLeavesNoTrace(
                () -> api.postRaw("/api/events/" + id + "/bookings", VALID, userToken),
                ProblemAssertions::assertNotFound);
    }

    @Test
    void unknownEventIsNamedInTheProblem() {
        var response = api.postRaw("/api/events/" + UUID.randomUUID() + "/bookings", VALID, userToken);

        assertNotFound(response);
        assertThat(response.json().get("detail").asText()).contains("event");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"garbage", "{}", "{\"seats\": []}", VALID})
    void bookingWithoutATokenIsUnauthorizedWhateverTheBody(String body) {
        assertRefusedWithoutTrace(() -> api.postRaw("/api/events/" + eventId + "/bookings", body, null), 401, "token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.seatwise.web.BadTokens#all")
    void bookingWithABrokenTokenIsUnauthorized(String kind, BadTokens.Maker token) {
        var badToken = token.make(api);

        assertRefusedWithoutTrace(
                () -> api.postRaw("/api/events/" + eventId + "/bookings", VALID, badToken), 401, "token");
    }

    @Test
    void bookingWithoutATokenTellsTheClientHowToAuthenticate() {
        assertUnauthorized(api.postRaw("/api/events/" + eventId + "/bookings", "garbage", null));
    }

    private ApiClient.Response book(String body) {
        return api.postRaw("/api/events/" + eventId + "/bookings", body, userToken);
    }

    /**
     * Sends a bad request and checks the refusal, then that nothing changed: nothing was stored, and once a good
     * booking of one more seat shows in the seat map, the event's counts and the user's bookings, each is what it was
     * before plus that booking. The state before is read once every booking so far shows, so nothing can leak in.
     */
    private JsonNode assertRefusedWithoutTrace(Supplier<ApiClient.Response> badRequest, int status, String mention) {
        return assertLeavesNoTrace(badRequest, response -> assertProblem(response, status, mention));
    }

    private JsonNode assertLeavesNoTrace(
            Supplier<ApiClient.Response> badRequest, Function<ApiClient.Response, JsonNode> refusal) {
        eventually(() -> readSideShows(bookedSeats, userBookings));
        var seatsBefore = bookedSeatNumbers();
        var bookingsBefore = myBookings();
        var eventBefore = api.get("/api/events/" + eventId).json();
        var storedBefore = StoredState.of(jdbc);

        var problem = refusal.apply(badRequest.get());

        assertThat(StoredState.of(jdbc)).as("stored state").isEqualTo(storedBefore);
        var marker = nextMarkerSeat++;
        var booked = api.book(userToken, eventId, List.of(marker));
        assertThat(booked.status()).as("marker booking %s", booked.body()).isEqualTo(201);
        bookedSeats++;
        userBookings++;
        eventually(() -> readSideShows(bookedSeats, userBookings));
        var seatsAfter = new ArrayList<>(bookedSeatNumbers());
        seatsAfter.remove(Integer.valueOf(marker));
        assertThat(seatsAfter).as("booked seats besides the marker").isEqualTo(seatsBefore);
        var markerBooking = booked.json().get("bookingId").asText();
        var bookingsAfter = myBookings().stream()
                .filter(booking -> !booking.get("bookingId").asText().equals(markerBooking))
                .toList();
        assertThat(bookingsAfter).as("the user's bookings besides the marker").isEqualTo(bookingsBefore);
        var eventAfter = api.get("/api/events/" + eventId).json();
        assertThat(eventAfter.get("booked").asInt())
                .isEqualTo(eventBefore.get("booked").asInt() + 1);
        assertThat(eventAfter.get("available").asInt())
                .isEqualTo(eventBefore.get("available").asInt() - 1);
        return problem;
    }

    private boolean readSideShows(int seats, int bookings) {
        var event = api.get("/api/events/" + eventId);
        return event.status() == 200
                && event.json().get("booked").asInt() == seats
                && event.json().get("available").asInt() == CAPACITY - seats
                && bookedSeatNumbers().size() == seats
                && myBookings().size() == bookings;
    }

    private List<Integer> bookedSeatNumbers() {
        var seats = api.get("/api/events/" + eventId + "/seats");
        if (seats.status() != 200) {
            return List.of();
        }
        var numbers = new ArrayList<Integer>();
        seats.json().get("booked").forEach(seat -> numbers.add(seat.asInt()));
        return numbers;
    }

    private List<JsonNode> myBookings() {
        var bookings = new ArrayList<JsonNode>();
        api.get("/api/me/bookings", userToken).json().forEach(bookings::add);
        return bookings;
    }

    private static String seatList(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }
}
