package io.seatwise.command.booking;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/** A {@link BookingLedger} over a test database, fed events the way Axon delivers them to its handlers. */
public final class BookingLedgers {

    private BookingLedgers() {}

    public static BookingLedger over(JdbcTemplate jdbc) {
        return new BookingLedger(jdbc);
    }

    /**
     * Feeds the events of one seat map's stream, numbered from 0 as its aggregate numbers them: for the handlers that
     * ask for the sequence number.
     */
    public static void feedStream(BookingLedger ledger, String eventId, Object... events) {
        var handlers = new AnnotationEventHandlerAdapter(ledger);
        for (int sequence = 0; sequence < events.length; sequence++) {
            try {
                handlers.handle(new GenericDomainEventMessage<>("SeatMap", eventId, sequence, events[sequence]));
            } catch (Exception e) {
                throw new IllegalStateException("The ledger failed on " + events[sequence], e);
            }
        }
    }

    public static void feed(BookingLedger ledger, Object... events) {
        var handlers = new AnnotationEventHandlerAdapter(ledger);
        for (var event : events) {
            try {
                handlers.handle(GenericEventMessage.asEventMessage(event));
            } catch (Exception e) {
                throw new IllegalStateException("The ledger failed on " + event, e);
            }
        }
    }
}
