package io.seatwise.api.booking;

import io.seatwise.api.account.AccountId;

/** One account's bookings, newest first. Answered with a list of {@link BookingView}. */
public record FindBookingsOf(AccountId accountId) {}
