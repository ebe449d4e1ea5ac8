-- A limit per account, and reviews that fall with their booking (issue 16).
--
-- The catalog shows each event's limit of seats per account. Events scheduled before this version were sold without
-- one, and their events read as "no limit" (0) through the upcaster, so 0 is right for their rows too; a replay
-- rebuilds the same.
ALTER TABLE event_summaries ADD COLUMN max_seats_per_account INTEGER NOT NULL DEFAULT 0;

-- The booking ledger keeps where in its seat map's history each event was cancelled: the releases after it are the
-- cancellation's, which withdraw no review (the bookers did not cancel). Null for the events cancelled before: their
-- seat maps take no more bookings, so no later release can ask.
ALTER TABLE ledger_events ADD COLUMN cancelled_sequence BIGINT;
