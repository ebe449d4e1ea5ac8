package io.seatwise.api.door;

import io.seatwise.api.event.EventId;

/** How many of an event's booked seats have been admitted at the door. Answered with an {@link Attendance}. */
public record FindAttendance(EventId eventId) {}
