package io.seatwise.command.booking;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/** A {@link BookingLedger} over a test database, fed events the way Axon delivers them to its handlers. */
public final class BookingLedgers {

    private BookingLedgers() {}

    public static BookingLedger over(JdbcTemplate jdbc) {
        return new BookingLedger(jdbc);
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
