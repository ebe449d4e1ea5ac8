package io.seatwise.api.venue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Renames a venue and, when {@code layout} is given, changes its layout for the events scheduled afterwards. */
public record ChangeVenue(@TargetAggregateIdentifier VenueId venueId, String name, String city, SeatLayout layout) {}
