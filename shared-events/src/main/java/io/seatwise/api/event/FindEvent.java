package io.seatwise.api.event;

/** One event, also when it has started. Answered with an optional {@link EventView}. */
public record FindEvent(EventId eventId) {}
