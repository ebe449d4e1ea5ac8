package io.seatwise.query.booking;

import io.seatwise.api.booking.BookingView;
import io.seatwise.api.booking.FindBookingsOf;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.event.EventScheduled;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Each account's bookings, for "my bookings". */
@Component
@ProcessingGroup(MyBookingsProjection.GROUP)
class MyBookingsProjection {

    static final String GROUP = "my-bookings";

    private final BookingRepository bookings;
    private final BookedEventRepository events;

    MyBookingsProjection(BookingRepository bookings, BookedEventRepository events) {
        this.bookings = bookings;
        this.events = events;
    }

    @EventHandler
    void on(EventScheduled event) {
        if (!events.existsById(event.eventId().value())) {
            events.save(new BookedEventEntity(event));
        }
    }

    @EventHandler
    void on(SeatsBooked event) {
        if (!bookings.existsById(event.bookingId().value())) {
            bookings.save(new BookingEntity(event));
        }
    }

    @EventHandler
    void on(SeatsReleased event) {
        bookings.findById(event.bookingId().value()).ifPresent(BookingEntity::cancel);
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
