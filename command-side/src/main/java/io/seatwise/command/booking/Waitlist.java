package io.seatwise.command.booking;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookSeats.BestAvailable;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.waitlist.AcceptOffer;
import io.seatwise.api.waitlist.ExpireOffer;
import io.seatwise.api.waitlist.JoinWaitlist;
import io.seatwise.api.waitlist.LeaveWaitlist;
import io.seatwise.api.waitlist.OfferAccepted;
import io.seatwise.api.waitlist.OfferExpired;
import io.seatwise.api.waitlist.SeatsOffered;
import io.seatwise.api.waitlist.WaitlistClosed;
import io.seatwise.api.waitlist.WaitlistEntryId;
import io.seatwise.api.waitlist.WaitlistJoined;
import io.seatwise.api.waitlist.WaitlistLeft;
import io.seatwise.api.waitlist.WaitlistStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * One event's waitlist, for {@link SeatMap}, which decides it with the seats in the same command: so released seats
 * are offered in the command that releases them, before anyone else could book them, and held seats are refused to
 * every other booking. Entries are served in the order they joined; released seats go to the earliest waiting entry
 * that the available seats can seat side by side as best available would choose them, then to the next, and whatever
 * fits nobody is back on sale ({@link WaitlistOffers} matches them).
 *
 * <p>The seat map's commands decide; the waitlist's own events change it here, as the seat map's
 * {@code @AggregateMember}. Every entry stays here once it has ended (booked, expired, left), so that accepting an
 * offer that ran out is answered as such; the held seats are a bit set, as the booked ones are.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class Waitlist {

    /** Seats held for an entry until {@code expiresAt}; accepting books them as {@code bookingId}. */
    record Offer(BookingId bookingId, List<Integer> seats, Instant expiresAt) {}

    record Entry(
            WaitlistEntryId id,
            AccountId accountId,
            int count,
            String category,
            Duration offerTtl,
            WaitlistStatus status,
            Offer offer) {

        BestAvailable wanted() {
            return new BestAvailable(count, category);
        }

        Entry becomes(WaitlistStatus next, Offer nextOffer) {
            return new Entry(id, accountId, count, category, offerTtl, next, nextOffer);
        }

        List<Integer> heldSeats() {
            return offer == null || status != WaitlistStatus.OFFERED ? List.of() : offer.seats();
        }
    }

    /** Every entry ever, in the order they joined. */
    private List<Entry> entries = new ArrayList<>();

    @JsonSerialize(converter = BitSets.ToWords.class)
    @JsonDeserialize(converter = BitSets.FromWords.class)
    private BitSet held = new BitSet();

    private boolean closed;

    /** The seats nobody else may book: {@code booked} itself while nothing is held. */
    BitSet unavailable(BitSet booked) {
        if (held.isEmpty()) {
            return booked;
        }
        var unavailable = (BitSet) booked.clone();
        unavailable.or(held);
        return unavailable;
    }

    /**
     * Takes someone on who cannot be seated now; the request was checked by {@link SeatRequests#checkWanted} and the
     * event's state by the seat map. One open entry per account.
     */
    WaitlistJoined join(
            JoinWaitlist command,
            SeatLayout layout,
            BitSet unavailable,
            boolean refuseSingles,
            WaitlistRules rules,
            Instant startsAt,
            Instant now) {
        if (entries.stream()
                .anyMatch(entry -> entry.status().open() && entry.accountId().equals(command.accountId()))) {
            throw new DomainException(Refusal.Plain.ALREADY_WAITING, "You are on this event's waitlist already");
        }
        var wanted = new BestAvailable(command.count(), command.category());
        if (SeatBlocks.bestAvailable(layout, unavailable, wanted, refuseSingles).isPresent()) {
            throw new DomainException(
                    Refusal.Plain.SEATS_AVAILABLE,
                    "The event can seat " + command.count() + " side by side now: book them instead");
        }
        return new WaitlistJoined(
                command.eventId(),
                command.entryId(),
                command.accountId(),
                command.count(),
                command.category(),
                rules.offerTtl(),
                startsAt,
                now);
    }

    /** The entry's place among the waiting entries, from 1. */
    int position(WaitlistEntryId entryId) {
        int position = 0;
        for (var entry : entries) {
            if (entry.status() == WaitlistStatus.WAITING) {
                position++;
            }
            if (entry.id().equals(entryId)) {
                return position;
            }
        }
        throw new IllegalStateException("No entry " + entryId);
    }

    /**
     * The offers that the seats available now make: to each waiting entry in turn that they can seat, the block best
     * available would choose, held until its time runs out or the event starts, whichever is first
     * ({@link WaitlistOffers}). None once the waitlist is closed.
     */
    List<SeatsOffered> offers(
            EventId eventId, SeatLayout layout, BitSet booked, boolean refuseSingles, Instant startsAt, Instant now) {
        if (closed || entries.isEmpty()) {
            return List.of();
        }
        return WaitlistOffers.of(entries, eventId, layout, unavailable(booked), refuseSingles, startsAt, now);
    }

    WaitlistLeft leave(LeaveWaitlist command, Instant now) {
        var entry = owned(command.entryId(), command.accountId());
        if (!entry.status().open()) {
            throw ended();
        }
        return new WaitlistLeft(command.eventId(), entry.id(), entry.accountId(), entry.heldSeats(), now);
    }

    /** The offer that accepting books, while it stands. */
    Offer acceptable(AcceptOffer command, Instant now) {
        var entry = owned(command.entryId(), command.accountId());
        return switch (entry.status()) {
            case WAITING ->
                throw new DomainException(Refusal.Plain.NO_OFFER, "No seats are offered to this waitlist entry yet");
            case EXPIRED -> throw expired();
            case BOOKED, LEFT -> throw ended();
            case OFFERED -> {
                if (now.isAfter(entry.offer().expiresAt())) {
                    throw expired();
                }
                yield entry.offer();
            }
        };
    }

    /** The expiry of the entry's offer, or null when it no longer stands (accepted or given up meanwhile). */
    OfferExpired expire(ExpireOffer command, Instant now) {
        return find(command.entryId())
                .filter(entry -> entry.status() == WaitlistStatus.OFFERED)
                .map(entry ->
                        new OfferExpired(command.eventId(), entry.id(), entry.accountId(), entry.heldSeats(), now))
                .orElse(null);
    }

    /** The end of the waitlist, or null when it is closed already or nobody ever joined it. */
    WaitlistClosed close(EventId eventId, WaitlistClosed.Reason reason, Instant now) {
        if (closed || entries.isEmpty()) {
            return null;
        }
        return new WaitlistClosed(eventId, reason, held.stream().boxed().toList(), now);
    }

    @EventSourcingHandler
    void on(WaitlistJoined event) {
        entries.add(new Entry(
                event.entryId(),
                event.accountId(),
                event.count(),
                event.category(),
                event.offerTtl(),
                WaitlistStatus.WAITING,
                null));
    }

    @EventSourcingHandler
    void on(SeatsOffered event) {
        event.seats().forEach(held::set);
        change(
                event.entryId(),
                entry -> entry.becomes(
                        WaitlistStatus.OFFERED, new Offer(event.bookingId(), event.seats(), event.expiresAt())));
    }

    @EventSourcingHandler
    void on(OfferAccepted event) {
        change(event.entryId(), entry -> {
            entry.heldSeats().forEach(held::clear);
            return entry.becomes(WaitlistStatus.BOOKED, entry.offer());
        });
    }

    @EventSourcingHandler
    void on(OfferExpired event) {
        event.releasedSeats().forEach(held::clear);
        change(event.entryId(), entry -> entry.becomes(WaitlistStatus.EXPIRED, null));
    }

    @EventSourcingHandler
    void on(WaitlistLeft event) {
        event.releasedSeats().forEach(held::clear);
        change(event.entryId(), entry -> entry.becomes(WaitlistStatus.LEFT, null));
    }

    @EventSourcingHandler
    void on(WaitlistClosed event) {
        closed = true;
        held.clear();
        entries.replaceAll(entry -> entry.status().open() ? entry.becomes(WaitlistStatus.EXPIRED, null) : entry);
    }

    private void change(WaitlistEntryId entryId, UnaryOperator<Entry> change) {
        entries.replaceAll(entry -> entry.id().equals(entryId) ? change.apply(entry) : entry);
    }

    private Optional<Entry> find(WaitlistEntryId entryId) {
        return entries.stream().filter(entry -> entry.id().equals(entryId)).findFirst();
    }

    private Entry owned(WaitlistEntryId entryId, AccountId accountId) {
        var entry = find(entryId)
                .orElseThrow(() -> new DomainException(Refusal.Plain.NO_SUCH_WAITLIST_ENTRY, "No such waitlist entry"));
        if (!entry.accountId().equals(accountId)) {
            throw new DomainException(Refusal.Plain.NOT_YOUR_WAITLIST_ENTRY, "This waitlist entry is not yours");
        }
        return entry;
    }

    private static DomainException expired() {
        return new DomainException(
                Refusal.Plain.OFFER_EXPIRED,
                "The seats offered to this waitlist entry were held until a time now past");
    }

    private static DomainException ended() {
        return new DomainException(
                Refusal.Plain.WAITLIST_ENTRY_ENDED, "This waitlist entry has ended: booked, left or closed");
    }

    // compared by content, as the seat map is when its snapshot is read back
    @Override
    public boolean equals(Object other) {
        return other instanceof Waitlist that
                && entries.equals(that.entries)
                && held.equals(that.held)
                && closed == that.closed;
    }

    @Override
    public int hashCode() {
        return entries.hashCode() * 31 + held.hashCode();
    }

    @Override
    public String toString() {
        return "Waitlist" + entries + " held " + held;
    }
}
