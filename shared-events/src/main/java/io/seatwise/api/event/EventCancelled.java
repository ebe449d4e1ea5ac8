package io.seatwise.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An admin called the event off, saying why. The seat map follows this event with a {@code SeatsReleased} for every
 * booking that stood, in the same transaction; from now on the event takes no bookings and no changes.
 */
@Revision("1")
public record EventCancelled(EventId eventId, String reason, Instant cancelledAt) {}
