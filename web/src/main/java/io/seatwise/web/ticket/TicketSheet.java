package io.seatwise.web.ticket;

import java.time.Instant;
import java.util.List;

/**
 * What a booking's tickets show, whoever gathered it (the booking's page and the API from the read models, the
 * confirmation mail from the mail's own directory): the booking, its holder, the event, and one ticket per seat.
 */
public record TicketSheet(
        String bookingId,
        String reference,
        String holder,
        String eventTitle,
        String venueName,
        String venueCity,
        Instant startsAt,
        List<Ticket> tickets) {

    /** One seat's ticket: its number, its label ("Stalls, Row B, Seat 5") and its signed code. */
    public record Ticket(int seat, String label, String code) {}
}
