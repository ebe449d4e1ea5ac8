package io.seatwise.api.venue;

import org.axonframework.serialization.Revision;

@Revision("1")
public record VenueCreated(VenueId venueId, String name, String city, int rows, int seatsPerRow) {

    public int capacity() {
        return rows * seatsPerRow;
    }
}
