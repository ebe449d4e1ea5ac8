package io.seatwise.api.venue;

import org.axonframework.serialization.Revision;

/** A venue's name, city and layout as they are from now on; events scheduled before keep the layout they had. */
@Revision("1")
public record VenueChanged(VenueId venueId, String name, String city, SeatLayout layout) {}
