package io.seatwise.api.venue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateVenue(@TargetAggregateIdentifier VenueId venueId, String name, String city, SeatLayout layout) {}
