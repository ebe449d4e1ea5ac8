-- The bookings' mails as sagas (issue 16): a saga per booking puts its confirmation, review prompt, review reminder
-- and cancellation into the outbox, timed by durable deadlines (scheduled_tasks, V16.1) instead of due times written
-- into the outbox at booking. The bookings made before keep their prompts and reminders queued in the outbox, and the
-- mail group still confirms their cancellation: timed_by_saga says which bookings are the sagas'.
ALTER TABLE mail_bookings ADD COLUMN timed_by_saga BOOLEAN NOT NULL DEFAULT FALSE;
