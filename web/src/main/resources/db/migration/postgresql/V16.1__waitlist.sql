-- The waitlist (issue 16): the same tables as SQLite's V16.1, which creates them in the read models' file.
--
-- waitlist_entries: each account's entries and each event's queue (the order is the join's place in the seat map's
-- stream). held_seats: the seats held for offers, beside booked_seats. mail_offers: what an offer's mail tells.
CREATE TABLE waitlist_entries (
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
CREATE INDEX ix_waitlist_entries_account ON waitlist_entries (account_id, joined_at);
CREATE INDEX ix_waitlist_entries_event ON waitlist_entries (event_id, status, joined_sequence);

CREATE TABLE held_seats (
    event_id VARCHAR(64) NOT NULL,
    seat     INTEGER     NOT NULL,
    entry_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (event_id, seat)
);

CREATE TABLE mail_offers (
    booking_id VARCHAR(64)   NOT NULL PRIMARY KEY,
    entry_id   VARCHAR(64)   NOT NULL,
    event_id   VARCHAR(64)   NOT NULL,
    account_id VARCHAR(64)   NOT NULL,
    seats      VARCHAR(1000) NOT NULL,
    expires_at BIGINT        NOT NULL,
    open       BOOLEAN       NOT NULL DEFAULT TRUE
);
CREATE INDEX ix_mail_offers_entry ON mail_offers (entry_id);

-- Durable deadlines: db-scheduler's table as its PostgreSQL schema has it, read by Axon's DbSchedulerDeadlineManager
-- on every node; a node picks a due deadline by a conditional update, so one node runs it.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX ix_scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX ix_scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
