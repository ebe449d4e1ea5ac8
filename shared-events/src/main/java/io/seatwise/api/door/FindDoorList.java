package io.seatwise.api.door;

import io.seatwise.api.event.EventId;

/** What a door needs to admit an event's guests without a connection. Answered with a {@link DoorList}. */
public record FindDoorList(EventId eventId) {}
