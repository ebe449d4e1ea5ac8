-- The bookings' mails as one saga per event (issue 16): when each booking was made, so that the event's saga finds
-- the bookings whose review prompts fall due together, and those it has still to remind. Null for the bookings made
-- before, whose mails their own sagas (V18) or the outbox's due times still time.
ALTER TABLE mail_bookings ADD COLUMN booked_at BIGINT;
