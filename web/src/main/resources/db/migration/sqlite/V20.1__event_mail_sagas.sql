-- The bookings of an event in the order they were made, for the event's mail saga (V20), beside their table in the
-- read models' file.
CREATE INDEX read_models.ix_mail_bookings_event_booked ON mail_bookings (event_id, booked_at);
