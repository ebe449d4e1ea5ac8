-- What the mails about an event's reschedule or cancellation tell beyond the booking's facts, one row per mail of
-- the outbox (by its key): the start before and after a reschedule, or the reason of a cancellation. The same table
-- as SQLite's V10.1, which creates it in the read models' file.
CREATE TABLE mail_notices (
    mail_key           VARCHAR(200) NOT NULL PRIMARY KEY,
    previous_starts_at BIGINT,
    starts_at          BIGINT,
    reason             TEXT
);
