-- The waitlist (issue 16), in the read models' file like every table the event processors write (V7); the same tables
-- as PostgreSQL's V16.1, with times as epoch milliseconds.
--
-- waitlist_entries: each account's entries and each event's queue (the order is the join's place in the seat map's
-- stream). held_seats: the seats held for offers, beside booked_seats. mail_offers: what an offer's mail tells.
CREATE TABLE read_models.waitlist_entries (
    entry_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    event_id        VARCHAR(64)   NOT NULL,
    account_id      VARCHAR(64)   NOT NULL,
    seat_count      INTEGER       NOT NULL,
    category        VARCHAR(8),
    status          VARCHAR(16)   NOT NULL,
    joined_sequence BIGINT        NOT NULL,
    joined_at       BIGINT        NOT NULL,
    offered_seats   VARCHAR(1000),
    expires_at      BIGINT,
    booking_id      VARCHAR(64),
    last_sequence   BIGINT        NOT NULL
);
CREATE INDEX read_models.ix_waitlist_entries_account ON waitlist_entries (account_id, joined_at);
CREATE INDEX read_models.ix_waitlist_entries_event ON waitlist_entries (event_id, status, joined_sequence);

CREATE TABLE read_models.held_seats (
    event_id VARCHAR(64) NOT NULL,
    seat     INTEGER     NOT NULL,
    entry_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (event_id, seat)
);

CREATE TABLE read_models.mail_offers (
    booking_id VARCHAR(64)   NOT NULL PRIMARY KEY,
    entry_id   VARCHAR(64)   NOT NULL,
    event_id   VARCHAR(64)   NOT NULL,
    account_id VARCHAR(64)   NOT NULL,
    seats      VARCHAR(1000) NOT NULL,
    expires_at BIGINT        NOT NULL,
    open       BOOLEAN       NOT NULL DEFAULT TRUE
);
CREATE INDEX read_models.ix_mail_offers_entry ON mail_offers (entry_id);

-- Durable deadlines (db-scheduler's table, read by Axon's DbSchedulerDeadlineManager): the offers' expiries and the
-- events' starts, which survive restarts. Times are epoch milliseconds (storage's SQLite scheduler customization).
CREATE TABLE read_models.scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BLOB,
    execution_time       BIGINT       NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         BIGINT,
    last_failure         BIGINT,
    consecutive_failures INTEGER,
    last_heartbeat       BIGINT,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX read_models.ix_scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX read_models.ix_scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
