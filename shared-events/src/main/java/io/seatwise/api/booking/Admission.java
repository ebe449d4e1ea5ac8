package io.seatwise.api.booking;

/**
 * The seat map's answer to a check-in: the admission it recorded and the seat's label ("Stalls, Row B, Seat 5"), so
 * that the door tells whom it admitted without waiting for the read side.
 */
public record Admission(TicketCheckedIn checkedIn, String label) {}
