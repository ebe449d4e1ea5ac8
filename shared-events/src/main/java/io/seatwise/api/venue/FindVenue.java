package io.seatwise.api.venue;

/** One venue. Answered with an optional {@link VenueView}. */
public record FindVenue(VenueId venueId) {}
