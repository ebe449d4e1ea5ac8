package io.seatwise.api.venue;

import org.axonframework.serialization.Revision;

/**
 * A venue and its layout. Revision 1 had {@code rows} and {@code seatsPerRow} instead of a layout; the application's
 * upcaster turns it into revision 2 with that plain grid.
 */
@Revision("2")
public record VenueCreated(VenueId venueId, String name, String city, SeatLayout layout) {

    public int capacity() {
        return layout.capacity();
    }
}
