package io.seatwise.web.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.operations.Rebuilds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seats that pages, open seat maps and the JSON API read are kept in memory between reads; whatever they come from,
 * they are the seat rows the database holds: after bookings and cancellations, after rows written by another node, and
 * after a rebuild of the read models. A booking whose rows have committed and been read never shows as free again.
 */
class SeatMapReadModelTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    private String eventId;

    @BeforeEach
    void eventOnSale() {
        eventId = eventOnSale("Corn Exchange", 20, 20, "Harvest dance", 10);
    }

    @Test
    void servedSeatsFollowBookingsAndCancellationsAsTheDatabaseHasThem() {
        var ann = api.newUserToken("Ann");
        var bob = api.newUserToken("Bob");
        assertThat(servedSeats()).isEmpty();

        bookAndSee(ann, List.of(1, 2, 3));
        var cancelled = bookAndSee(bob, List.of(10, 11));
        bookAndSee(ann, List.of(400));
        assertThat(api.delete("/api/bookings/" + cancelled, bob).status()).isEqualTo(204);
        eventually(() -> !rows().contains(10));
        assertThat(servedSeats()).isEqualTo(rows()).containsExactly(1, 2, 3, 400);
        bookAndSee(ann, List.of(10));

        assertThat(servedSeats()).isEqualTo(rows()).containsExactly(1, 2, 3, 10, 400);
        assertThat(api.bookedSeats(eventId)).isEqualTo(rows());
    }

    @Test
    void rowsWrittenByAnotherNodeShowOnTheNextRead() {
        assertThat(servedSeats()).isEmpty();

        // what the seat-map processor of another node sharing a PostgreSQL database writes
        jdbc.update("INSERT INTO booked_seats (event_id, seat, booking_id) VALUES (?, 7, 'elsewhere')", eventId);
        jdbc.update("UPDATE seat_maps SET version = version + 1 WHERE event_id = ?", eventId);

        assertThat(servedSeats()).containsExactly(7);
        assertThat(api.bookedSeats(eventId)).containsExactly(7);
    }

    @Test
    void rebuiltReadModelsServeTheSameSeats() {
        var ann = api.newUserToken("Ann");
        bookAndSee(ann, List.of(5, 6));
        var cancelled = bookAndSee(ann, List.of(8));
        assertThat(api.delete("/api/bookings/" + cancelled, ann).status()).isEqualTo(204);
        eventually(() -> !rows().contains(8));
        assertThat(servedSeats()).containsExactly(5, 6);

        var admin = new BrowserSession(port);
        admin.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Rebuilds.rebuildAndAwait(admin, Duration.ofSeconds(60));

        assertThat(rows()).containsExactly(5, 6);
        assertThat(servedSeats()).isEqualTo(rows());
        assertThat(api.bookedSeats(eventId)).isEqualTo(rows());
    }

    /**
     * Books, waits until the booking's rows have committed, and then expects every reader to show them at once: a
     * reader never lags behind a row that has been read.
     */
    private String bookAndSee(String token, List<Integer> seats) {
        var booked = api.book(token, eventId, seats);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        eventually(() -> rows().containsAll(seats));
        assertThat(servedSeats()).containsAll(seats);
        assertThat(api.bookedSeats(eventId)).containsAll(seats);
        var page = api.get("/events/" + eventId).body();
        seats.forEach(seat -> assertThat(page).contains("data-seat=\"" + seat + "\" data-status=\"booked\""));
        return booked.json().get("bookingId").asText();
    }

    /** The booked seats that open seat maps poll, decoded from their bit set. */
    private List<Integer> servedSeats() {
        var response = api.get("/events/" + eventId + "/seats/availability");
        assertThat(response.status()).isEqualTo(200);
        var bits = BitSet.valueOf(
                Base64.getDecoder().decode(response.json().get("booked").asText()));
        return new ArrayList<>(bits.stream().boxed().toList());
    }

    private List<Integer> rows() {
        return jdbc.queryForList(
                "SELECT seat FROM booked_seats WHERE event_id = ? ORDER BY seat", Integer.class, eventId);
    }
}
