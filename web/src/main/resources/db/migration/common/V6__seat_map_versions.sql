-- The sequence number of the last seat-map event (scheduling, booking, release) that changed an event's booked seats.
-- A node that keeps seat maps in memory compares it with its copy's, and reads the rows again when they differ.
ALTER TABLE seat_maps ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
