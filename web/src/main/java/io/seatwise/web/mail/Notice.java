package io.seatwise.web.mail;

import java.time.Instant;

/**
 * What a mail about an event's reschedule or cancellation tells beyond its booking's facts, kept beside it in the
 * outbox's table {@code mail_notices}: the start before and after the reschedule, or why the event was cancelled.
 */
record Notice(Instant previousStartsAt, Instant startsAt, String reason) {}
