package io.seatwise.command.booking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives bookings made before references were kept theirs, once the application has started (migration V9 added the
 * column; SQL cannot compute a reference). Bookings made since always have one, so after the first start of an
 * upgraded database this finds nothing to do.
 */
@Component
class ReferenceBackfill {

    private static final Logger log = LoggerFactory.getLogger(ReferenceBackfill.class);

    private final BookingLedger ledger;

    ReferenceBackfill(BookingLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fill() {
        int filled = ledger.fillMissingReferences();
        if (filled > 0) {
            log.info("Gave {} bookings made before references were kept their references", filled);
        }
    }
}
