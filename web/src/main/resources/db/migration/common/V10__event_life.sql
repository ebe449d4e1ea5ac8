-- The event's life (issue 15): events are edited, rescheduled and cancelled. The read models keep why an event was
-- cancelled (null while it is not), "my bookings" also when its event was last moved (a booking made before then may
-- be cancelled until the start), the statistics when it was cancelled (the CSV's status), and the mail group why, for
-- the mails it writes later. Rows written before this version are of events that were never changed, so the new
-- columns' nulls are right for them, and a replay rebuilds the same (the projections handle the new events).
ALTER TABLE event_summaries ADD COLUMN cancel_reason TEXT;
ALTER TABLE booked_events ADD COLUMN cancel_reason TEXT;
ALTER TABLE booked_events ADD COLUMN rescheduled_at BIGINT;
ALTER TABLE stats_events ADD COLUMN cancelled_at BIGINT;
ALTER TABLE mail_events ADD COLUMN cancel_reason TEXT;
