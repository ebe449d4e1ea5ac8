-- What the mails about an event's reschedule or cancellation tell beyond the booking's facts, one row per mail of
-- the outbox (by its key): the start before and after a reschedule, or the reason of a cancellation. In the read
-- models' file, like every table the mail group writes (V7); the same table as PostgreSQL's V10.1.
CREATE TABLE read_models.mail_notices (
    mail_key           VARCHAR(200) NOT NULL PRIMARY KEY,
    previous_starts_at BIGINT,
    starts_at          BIGINT,
    reason             TEXT
);
