package io.seatwise.api.stats;

/** The admins' figures per event and in total. Answered with a {@link StatisticsView}. */
public record FindStatistics() {}
