-- The door (issue 15): tickets admitted at the door, one row per event and seat, in the read models' file like every
-- table the event processors write (V7); the same table as PostgreSQL's V12.1. The door's list reads an event's
-- bookings, which "my bookings" keeps by account; the index finds them by event.
CREATE TABLE read_models.door_check_ins (
    event_id      VARCHAR(64) NOT NULL,
    seat          INTEGER     NOT NULL,
    booking_id    VARCHAR(64) NOT NULL,
    checked_in_at BIGINT      NOT NULL,
    PRIMARY KEY (event_id, seat)
);
CREATE INDEX read_models.ix_bookings_event ON bookings (event_id);
