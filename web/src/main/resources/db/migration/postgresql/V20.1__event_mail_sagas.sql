-- The bookings of an event in the order they were made, for the event's mail saga (V20).
CREATE INDEX ix_mail_bookings_event_booked ON mail_bookings (event_id, booked_at);
