package io.seatwise.api.event;

/**
 * What an {@link EditEvent} changed: the edit of title, description and prices if any was made, and the reschedule if
 * the start moved. Either may be null.
 */
public record EventChanges(EventEdited edited, EventRescheduled rescheduled) {}
