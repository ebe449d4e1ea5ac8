-- The backfill of V3's ledger tables, which reads the stored events' JSON payloads: SQLite's json_extract here,
-- PostgreSQL's jsonb in its folder. Released inside V3 until the migrations were shared (README.md beside).
-- A subscribing processor never reads the past, so the ledger starts from the events stored before it existed.
INSERT INTO ledger_events (event_id, venue_id)
SELECT json_extract(CAST(payload AS TEXT), '$.eventId'), json_extract(CAST(payload AS TEXT), '$.venueId')
FROM DomainEventEntry
WHERE payloadType = 'io.seatwise.api.event.EventScheduled';

INSERT INTO ledger_bookings (booking_id, event_id, account_id, status)
SELECT json_extract(CAST(payload AS TEXT), '$.bookingId'), json_extract(CAST(payload AS TEXT), '$.eventId'),
       json_extract(CAST(payload AS TEXT), '$.accountId'), 'CONFIRMED'
FROM DomainEventEntry
WHERE payloadType = 'io.seatwise.api.booking.SeatsBooked';
