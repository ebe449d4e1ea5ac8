-- The backfill of V3's ledger tables, which reads the stored events' JSON payloads: PostgreSQL's jsonb here,
-- SQLite's json_extract in its folder. Released inside V3 until the migrations were shared (README.md beside).
-- A subscribing processor never reads the past, so the ledger starts from the events stored before it existed.
INSERT INTO ledger_events (event_id, venue_id)
SELECT convert_from(payload, 'UTF8')::jsonb ->> 'eventId', convert_from(payload, 'UTF8')::jsonb ->> 'venueId'
FROM DomainEventEntry
WHERE payloadType = 'io.seatwise.api.event.EventScheduled';

INSERT INTO ledger_bookings (booking_id, event_id, account_id, status)
SELECT convert_from(payload, 'UTF8')::jsonb ->> 'bookingId', convert_from(payload, 'UTF8')::jsonb ->> 'eventId',
       convert_from(payload, 'UTF8')::jsonb ->> 'accountId', 'CONFIRMED'
FROM DomainEventEntry
WHERE payloadType = 'io.seatwise.api.booking.SeatsBooked';
