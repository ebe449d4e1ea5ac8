package io.seatwise.api.waitlist;

/**
 * How many entries wait on each event's waitlist, seats offered included, for the admins' statistics. Answered with a
 * list of {@link WaitlistLength}, only for events with anyone waiting.
 */
public record FindWaitlistLengths() {}
