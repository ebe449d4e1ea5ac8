package io.seatwise.api.door;

/** Seats of live bookings, and those of them admitted at the door. */
public record Attendance(int booked, int checkedIn) {}
