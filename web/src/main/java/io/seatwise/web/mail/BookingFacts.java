package io.seatwise.web.mail;

import io.seatwise.api.booking.BookingId;
import io.seatwise.api.venue.SeatLayout;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the mails about one booking tell: who booked which seats of which event, where and when; and the language the
 * booker reads, which every mail to them is written in.
 */
record BookingFacts(
        BookingId bookingId,
        String email,
        String name,
        String eventId,
        String title,
        Instant startsAt,
        SeatLayout layout,
        String venueId,
        String venueName,
        String city,
        List<Integer> seats,
        Locale locale) {}
