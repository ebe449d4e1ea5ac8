package io.seatwise.web.seatmap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.FindSeatAvailability;
import io.seatwise.api.booking.SeatAvailabilityChanged;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.waitlist.OfferAccepted;
import io.seatwise.api.waitlist.OfferExpired;
import io.seatwise.api.waitlist.SeatsOffered;
import io.seatwise.api.waitlist.WaitlistClosed;
import io.seatwise.api.waitlist.WaitlistLeft;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Tells this node's open seat maps ({@link LiveSeatMaps}) of every booking, cancellation, hold and end of a hold,
 * whichever node stored it: each as a {@link SeatAvailabilityChanged} to the {@link FindSeatAvailability}
 * subscriptions of its event, sent once the processor's batch is through.
 *
 * <p>Its own processing group, {@value #GROUP}, which every node runs for itself ({@link LiveSeatChangesConfiguration}):
 * a tracking processor with one segment whose position is kept in memory and starts at the head of the event store, so
 * it sees every event stored from then on, on whichever node, and writes nothing. The {@code seat-maps} projection
 * cannot tell the seat maps itself: with several nodes each handles only the segments it has claimed. Never replayed
 * ({@code @DisallowReplay}): a replay would send the history again to maps that hold it.
 *
 * <p>The changes are sent as soon as this node sees them, which may be before the {@code seat-maps} read model holds
 * them; {@link RecentSeatChanges} keeps them, first, for the streams that start from a map that lacks them.
 */
@Component
@ProcessingGroup(LiveSeatChanges.GROUP)
@DisallowReplay
class LiveSeatChanges {

    static final String GROUP = "live-seat-maps";

    private final QueryUpdateEmitter updates;
    private final RecentSeatChanges recent;
    private final LiveSeatMaps live;

    /**
     * The seats of the latest bookings: an accepted offer names only its booking, whose {@code SeatsBooked}, just
     * before it, held the offer's seats.
     */
    private final Cache<BookingId, List<Integer>> latestBookings =
            Caffeine.newBuilder().maximumSize(10_000).build();

    LiveSeatChanges(QueryUpdateEmitter updates, RecentSeatChanges recent, LiveSeatMaps live) {
        this.updates = updates;
        this.recent = recent;
        this.live = live;
    }

    @EventHandler
    void on(SeatsBooked event, @SequenceNumber long version) {
        latestBookings.put(event.bookingId(), event.seats());
        changed(SeatAvailabilityChanged.booked(event.eventId(), version, event.seats()));
    }

    @EventHandler
    void on(SeatsReleased event, @SequenceNumber long version) {
        changed(SeatAvailabilityChanged.released(event.eventId(), version, event.seats()));
    }

    @EventHandler
    void on(SeatsOffered event, @SequenceNumber long version) {
        changed(SeatAvailabilityChanged.held(event.eventId(), version, event.seats()));
    }

    /** The held seats are booked now; were they kept held, a later cancellation would leave them shown as held. */
    @EventHandler
    void on(OfferAccepted event, @SequenceNumber long version) {
        var seats = latestBookings.getIfPresent(event.bookingId());
        if (seats != null) {
            changed(SeatAvailabilityChanged.unheld(event.eventId(), version, seats));
        }
    }

    @EventHandler
    void on(OfferExpired event, @SequenceNumber long version) {
        changed(SeatAvailabilityChanged.unheld(event.eventId(), version, event.releasedSeats()));
    }

    @EventHandler
    void on(WaitlistLeft event, @SequenceNumber long version) {
        changed(SeatAvailabilityChanged.unheld(event.eventId(), version, event.releasedSeats()));
    }

    @EventHandler
    void on(WaitlistClosed event, @SequenceNumber long version) {
        changed(SeatAvailabilityChanged.unheld(event.eventId(), version, event.releasedSeats()));
    }

    /**
     * Kept before it is sent (see {@link RecentSeatChanges}), and sent only if a seat map of its event is open here
     * (Axon's emitter looks through every subscription of the node for each change); Axon sends it when the batch's
     * unit of work ends.
     */
    private void changed(SeatAvailabilityChanged change) {
        recent.add(change);
        if (live.watched(change.eventId())) {
            updates.emit(FindSeatAvailability.class, query -> query.eventId().equals(change.eventId()), change);
        }
    }
}
