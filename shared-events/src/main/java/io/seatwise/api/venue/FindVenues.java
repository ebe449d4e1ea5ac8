package io.seatwise.api.venue;

/** All venues, by name. Answered with a list of {@link VenueView}. */
public record FindVenues() {}
