package io.seatwise.api.waitlist;

import io.seatwise.api.event.EventId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends the waitlist of an event that has started (sent by the waitlist's saga at the start). Changes nothing before the
 * start or when the waitlist is closed already.
 */
public record CloseWaitlist(@TargetAggregateIdentifier EventId eventId) {}
