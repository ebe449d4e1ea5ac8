package io.seatwise.api.booking;

import io.seatwise.api.event.EventId;
import io.seatwise.api.venue.SeatLayout;
import java.util.BitSet;

/**
 * The booked seats of one event as a bit set, bit {@code n} standing for seat {@code n}: 5 KB for 40,000 seats, where
 * a list of numbers would take up to 240 KB of JSON. {@code booked} is {@link BitSet#toByteArray()} (little-endian:
 * seat {@code n} is bit {@code n % 8} of byte {@code n / 8}); Jackson writes it as Base64. {@code held} are the seats
 * held for waitlist offers, in the same form. {@code version} is the sequence number of the last seat-map event the
 * map holds ({@link SeatAvailabilityChanged#version()}): every change up to it is in the map, none after it.
 */
public record SeatAvailability(
        EventId eventId, SeatLayout layout, int bookedCount, byte[] booked, byte[] held, long version) {

    /** A map of the booked seats only, as of no version in particular. */
    public static SeatAvailability of(EventId eventId, SeatLayout layout, BitSet booked) {
        return of(eventId, layout, booked, new BitSet(), 0);
    }

    public static SeatAvailability of(EventId eventId, SeatLayout layout, BitSet booked, BitSet held, long version) {
        return new SeatAvailability(
                eventId, layout, booked.cardinality(), booked.toByteArray(), held.toByteArray(), version);
    }

    public BitSet bookedSeats() {
        return BitSet.valueOf(booked);
    }

    public BitSet heldSeats() {
        return BitSet.valueOf(held);
    }

    public int capacity() {
        return layout.capacity();
    }
}
