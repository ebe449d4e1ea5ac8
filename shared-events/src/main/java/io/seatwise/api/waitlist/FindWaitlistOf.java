package io.seatwise.api.waitlist;

import io.seatwise.api.account.AccountId;

/** One account's waitlist entries, newest first. Answered with a list of {@link WaitlistEntryView}. */
public record FindWaitlistOf(AccountId accountId) {}
