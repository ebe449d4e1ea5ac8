package io.seatwise.api.event;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Calls off an event that is still to come: every booking is released and every booker mailed with the reason
 * (required, at most {@link #MAX_REASON_LENGTH} characters).
 */
public record CancelEvent(@TargetAggregateIdentifier EventId eventId, String reason) {

    public static final int MAX_REASON_LENGTH = 1_000;
}
