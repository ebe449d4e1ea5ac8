-- Halls with sections, gaps and seat categories (issue 14). Read models keep an event's or venue's layout and an
-- event's prices as JSON text. Rows written before this version keep them null: they describe a plain grid of their
-- seat_rows x seats_per_row, with one category S at price_cents (query-side StoredJson reads them so).

ALTER TABLE venues ADD COLUMN layout TEXT;
ALTER TABLE event_summaries ADD COLUMN prices TEXT;
ALTER TABLE event_summaries ADD COLUMN single_seat_rule VARCHAR(16);
ALTER TABLE seat_maps ADD COLUMN layout TEXT;
ALTER TABLE mail_events ADD COLUMN layout TEXT;

-- The statistics per seat category (processing group "statistics"): an event's layout, so that its bookings' seats
-- can be counted per category and labelled; per booking what each category cost ("P=9000 S=2500", codes in order)
-- and its seats' labels, for the CSV and so that a cancellation takes out exactly what its booking added. The
-- figures per event and category are in stats_event_categories (V8.1: SQLite keeps it in the read models' file).
ALTER TABLE stats_events ADD COLUMN layout TEXT;
ALTER TABLE stats_bookings ADD COLUMN cents_by_category TEXT;
ALTER TABLE stats_bookings ADD COLUMN seat_labels TEXT;

-- The group is rebuilt from the first event, which the upcasters give a layout and prices: figures written before
-- priced events by seats x one price, and rows without a layout would otherwise stay so. Without a token the
-- processor starts at the beginning of the event store, as the group did when it was new (V5).
DELETE FROM stats_daily;
DELETE FROM stats_bookings;
DELETE FROM stats_events;
DELETE FROM stats_venues;
DELETE FROM TokenEntry WHERE processorName = 'statistics';
