package io.seatwise.api.booking;

public enum BookingStatus {
    CONFIRMED,
    CANCELLED
}
