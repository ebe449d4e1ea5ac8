package io.seatwise.command.booking;

import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.waitlist.SeatsOffered;
import io.seatwise.api.waitlist.WaitlistStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * How a {@link Waitlist} matches its waiting entries to the seats available now: in the order they joined, each entry
 * that the seats can seat side by side is offered the block that best available would choose for it
 * ({@link SeatBlocks#bestAvailable}), and that block is then unavailable to the entries after it. A pure function of
 * the entries and the seats, as {@link SeatBlocks} is, so that the seat map decides the offers in the command that
 * releases the seats.
 */
final class WaitlistOffers {

    private WaitlistOffers() {}

    /**
     * The offers to the waiting ones among {@code entries}, each held until its time runs out or the event starts,
     * whichever is first. {@code unavailable} (booked and held seats) is left as it is.
     */
    static List<SeatsOffered> of(
            List<Waitlist.Entry> entries,
            EventId eventId,
            SeatLayout layout,
            BitSet unavailable,
            boolean refuseSingles,
            Instant startsAt,
            Instant now) {
        var taken = (BitSet) unavailable.clone();
        var offers = new ArrayList<SeatsOffered>();
        for (var entry : entries) {
            if (entry.status() != WaitlistStatus.WAITING) {
                continue;
            }
            var block = SeatBlocks.bestAvailable(layout, taken, entry.wanted(), refuseSingles);
            if (block.isPresent()) {
                block.get().forEach(taken::set);
                var expiresAt = now.plus(entry.offerTtl());
                offers.add(new SeatsOffered(
                        eventId,
                        entry.id(),
                        entry.accountId(),
                        // an entry books once, so the booking takes the entry's id: an offer is decided alike
                        // however often it is decided
                        BookingId.of(entry.id().value()),
                        block.get(),
                        now,
                        expiresAt.isAfter(startsAt) ? startsAt : expiresAt));
            }
        }
        return offers;
    }
}
