package io.seatwise.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An admin moved an event from {@code previousStartsAt} to {@code startsAt}. Every booking that stands at this moment
 * may from now on be cancelled until the (new) start, without the usual cutoff; each booker is mailed.
 */
@Revision("1")
public record EventRescheduled(EventId eventId, Instant previousStartsAt, Instant startsAt, Instant rescheduledAt) {}
