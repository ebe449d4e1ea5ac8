-- Mail, processing group "mail". This group is never replayed: its tables are not read models but a record of what
-- has been sent or is due, so a rebuild of the read models must not touch them.

-- The outbox: one row per mail, keyed by kind and booking, so that a redelivered event inserts nothing new. Times are
-- epoch milliseconds. A mail is due once next_attempt_at has passed; the schedule of prompts and reminders lives here,
-- so it survives restarts. The bodies are written when the mail is first sent, outside the event handlers' transactions
-- (which hold SQLite's write lock), and kept as they were sent.
CREATE TABLE mail_outbox (
    mail_key        VARCHAR(200)  NOT NULL PRIMARY KEY,
    kind            VARCHAR(32)   NOT NULL,
    booking_id      VARCHAR(64)   NOT NULL,
    recipient       VARCHAR(254)  NOT NULL,
    subject         VARCHAR(400)  NOT NULL,
    html_body       TEXT,
    text_body       TEXT,
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at BIGINT        NOT NULL,
    last_error      VARCHAR(1000),
    created_at      BIGINT        NOT NULL,
    sent_at         BIGINT
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_booking ON mail_outbox (booking_id);
CREATE INDEX ix_mail_outbox_created ON mail_outbox (created_at);

-- What the mails say, kept by the mail group itself so that it never waits for (or is emptied with) a read model.
CREATE TABLE mail_accounts (
    account_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    email        VARCHAR(254) NOT NULL,
    display_name VARCHAR(100) NOT NULL
);

CREATE TABLE mail_venues (
    venue_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    name     VARCHAR(200) NOT NULL,
    city     VARCHAR(200) NOT NULL
);

CREATE TABLE mail_events (
    event_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    venue_id      VARCHAR(64)  NOT NULL,
    title         VARCHAR(200) NOT NULL,
    starts_at     BIGINT       NOT NULL,
    seat_rows     INTEGER      NOT NULL,
    seats_per_row INTEGER      NOT NULL
);

-- The bookings the mails are about, and whether a prompt or reminder is still wanted when it falls due: the booking
-- is not cancelled, the booker has not reviewed the event.
CREATE TABLE mail_bookings (
    booking_id VARCHAR(64)   NOT NULL PRIMARY KEY,
    event_id   VARCHAR(64)   NOT NULL,
    account_id VARCHAR(64)   NOT NULL,
    seats      VARCHAR(1000) NOT NULL,
    cancelled  BOOLEAN       NOT NULL DEFAULT FALSE
);

CREATE TABLE mail_event_reviews (
    review_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    event_id   VARCHAR(64) NOT NULL,
    account_id VARCHAR(64) NOT NULL
);
CREATE INDEX ix_mail_event_reviews_author ON mail_event_reviews (event_id, account_id);

-- When mail was installed. The mail group starts at the beginning of the event store, because it needs every account,
-- venue and event; bookings stored before this moment were made without mail and get none now. V4.1 writes the moment,
-- with each database's own clock functions.
CREATE TABLE mail_installed (
    installed_at BIGINT NOT NULL
);
