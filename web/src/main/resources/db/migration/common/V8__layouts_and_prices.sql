-- Halls with sections, gaps and seat categories (issue 14). Read models keep an event's or venue's layout and an
-- event's prices as JSON text. Rows written before this version keep them null: they describe a plain grid of their
-- seat_rows x seats_per_row, with one category S at price_cents (query-side StoredJson reads them so).

ALTER TABLE venues ADD COLUMN layout TEXT;
ALTER TABLE event_summaries ADD COLUMN prices TEXT;
ALTER TABLE event_summaries ADD COLUMN single_seat_rule VARCHAR(16);
ALTER TABLE seat_maps ADD COLUMN layout TEXT;
ALTER TABLE mail_events ADD COLUMN layout TEXT;
