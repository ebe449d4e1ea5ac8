package io.seatwise.api.waitlist;

import io.seatwise.api.event.EventId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The offer to the entry has run out (sent by the waitlist's saga when its deadline passes). Changes nothing when the
 * offer was accepted or given up meanwhile, so a deadline that fires twice expires it once.
 */
public record ExpireOffer(@TargetAggregateIdentifier EventId eventId, WaitlistEntryId entryId) {}
