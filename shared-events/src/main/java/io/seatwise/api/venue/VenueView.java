package io.seatwise.api.venue;

public record VenueView(VenueId id, String name, String city, int rows, int seatsPerRow, int capacity) {}
