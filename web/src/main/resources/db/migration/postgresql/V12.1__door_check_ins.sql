-- The door (issue 15): tickets admitted at the door, one row per event and seat; the same table as SQLite's V12.1,
-- which creates it in the read models' file. The door's list reads an event's bookings, which "my bookings" keeps by
-- account; the index finds them by event.
CREATE TABLE door_check_ins (
    event_id      VARCHAR(64) NOT NULL,
    seat          INTEGER     NOT NULL,
    booking_id    VARCHAR(64) NOT NULL,
    checked_in_at BIGINT      NOT NULL,
    PRIMARY KEY (event_id, seat)
);
CREATE INDEX ix_bookings_event ON bookings (event_id);
