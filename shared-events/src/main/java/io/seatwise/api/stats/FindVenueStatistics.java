package io.seatwise.api.stats;

/** The figures of each venue, summed over its events. Answered with a list of {@link VenueStatistics}. */
public record FindVenueStatistics() {}
