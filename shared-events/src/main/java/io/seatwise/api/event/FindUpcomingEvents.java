package io.seatwise.api.event;

/** Events that have not started yet, soonest first, one page at a time. Answered with a list of {@link EventView}. */
public record FindUpcomingEvents(int page, int size) {}
