-- A limit per account, and reviews that fall with their booking (issue 16).
--
-- The catalog shows each event's limit of seats per account. Events scheduled before this version were sold without
-- one, and their events read as "no limit" (0) through the upcaster, so 0 is right for their rows too; a replay
-- rebuilds the same.
ALTER TABLE event_summaries ADD COLUMN max_seats_per_account INTEGER NOT NULL DEFAULT 0;

-- The booking ledger keeps where in its seat map's history each event was cancelled: the releases after it are the
-- cancellation's, which withdraw no review (the bookers did not cancel). Filled here for the events cancelled before,
-- from the event store itself (the seat map's id is the event's id), since the new review-withdrawals processor reads
-- the whole history once.
ALTER TABLE ledger_events ADD COLUMN cancelled_sequence BIGINT;
UPDATE ledger_events SET cancelled_sequence = (
    SELECT min(d.sequenceNumber) FROM DomainEventEntry d
    WHERE d.aggregateIdentifier = ledger_events.event_id
      AND d.payloadType = 'io.seatwise.api.event.EventCancelled');
