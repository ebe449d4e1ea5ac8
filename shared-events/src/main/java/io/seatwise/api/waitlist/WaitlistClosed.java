package io.seatwise.api.waitlist;

import io.seatwise.api.event.EventId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The event was cancelled or has started: every entry still waiting or offered seats has ended ({@code expired}), and
 * the seats held for them ({@code releasedSeats}) are no longer held.
 */
@Revision("1")
public record WaitlistClosed(EventId eventId, Reason reason, List<Integer> releasedSeats, Instant closedAt) {

    public enum Reason {
        EVENT_CANCELLED,
        EVENT_STARTED
    }
}
