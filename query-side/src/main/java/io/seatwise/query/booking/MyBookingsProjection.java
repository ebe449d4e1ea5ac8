package io.seatwise.query.booking;

import io.seatwise.api.booking.BookingStatus;
import io.seatwise.api.booking.BookingView;
import io.seatwise.api.booking.FindBookingsOf;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventCancelled;
import io.seatwise.api.event.EventEdited;
import io.seatwise.api.event.EventRescheduled;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.query.InstantAsEpochMillis;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each account's bookings, for "my bookings". */
@Component
@ProcessingGroup(MyBookingsProjection.GROUP)
class MyBookingsProjection {

    static final String GROUP = "my-bookings";

    private final BookingRepository bookings;
    private final BookedEventRepository events;
    private final JdbcTemplate jdbc;

    MyBookingsProjection(BookingRepository bookings, BookedEventRepository events, JdbcTemplate jdbc) {
        this.bookings = bookings;
        this.events = events;
        this.jdbc = jdbc;
    }

    // Written with plain SQL: a replay inserts hundreds of thousands of rows, and each insert that ignores a row
    // already there keeps a redelivered event harmless without a read before it.

    @EventHandler
    void on(EventScheduled event) {
        jdbc.update(
                "INSERT INTO booked_events (event_id, title, starts_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (event_id) DO NOTHING",
                event.eventId().value(),
                event.title(),
                InstantAsEpochMillis.millis(event.startsAt()));
    }

    @EventHandler
    void on(EventEdited event) {
        if (event.title() != null) {
            jdbc.update(
                    "UPDATE booked_events SET title = ? WHERE event_id = ?",
                    event.title(),
                    event.eventId().value());
        }
    }

    @EventHandler
    void on(EventRescheduled event) {
        jdbc.update(
                "UPDATE booked_events SET starts_at = ?, rescheduled_at = ? WHERE event_id = ?",
                InstantAsEpochMillis.millis(event.startsAt()),
                event.rescheduledAt().toEpochMilli(),
                event.eventId().value());
    }

    @EventHandler
    void on(EventCancelled event) {
        jdbc.update(
                "UPDATE booked_events SET cancel_reason = ? WHERE event_id = ?",
                event.reason(),
                event.eventId().value());
    }

    @EventHandler
    void on(SeatsBooked event) {
        jdbc.update(
                "INSERT INTO bookings (booking_id, event_id, account_id, seats, seat_count, booked_at, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (booking_id) DO NOTHING",
                event.bookingId().value(),
                event.eventId().value(),
                event.accountId().value(),
                event.seats().stream().map(String::valueOf).collect(Collectors.joining(",")),
                event.seats().size(),
                event.bookedAt().toEpochMilli(),
                BookingStatus.CONFIRMED.name());
    }

    @EventHandler
    void on(SeatsReleased event) {
        jdbc.update(
                "UPDATE bookings SET status = ? WHERE booking_id = ?",
                BookingStatus.CANCELLED.name(),
                event.bookingId().value());
    }

    @ResetHandler
    void reset() {
        bookings.deleteAllInBatch();
        events.deleteAllInBatch();
    }

    @QueryHandler
    List<BookingView> handle(FindBookingsOf query) {
        var mine = bookings.findByAccountIdOrderByBookedAtDesc(query.accountId().value());
        Map<String, BookedEventEntity> eventsById =
                events
                        .findAllById(mine.stream()
                                .map(BookingEntity::eventId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(BookedEventEntity::eventId, Function.identity()));
        return mine.stream()
                .map(booking -> booking.toView(eventsById.get(booking.eventId())))
                .toList();
    }
}
