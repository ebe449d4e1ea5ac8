package io.seatwise.api.event;

import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The first event of a seat map; it copies the venue's layout so that the seat map never needs the venue again. */
@Revision("1")
public record EventScheduled(
        EventId eventId,
        VenueId venueId,
        String title,
        String description,
        Instant startsAt,
        long priceCents,
        int rows,
        int seatsPerRow) {

    public SeatLayout layout() {
        return new SeatLayout(rows, seatsPerRow);
    }
}
