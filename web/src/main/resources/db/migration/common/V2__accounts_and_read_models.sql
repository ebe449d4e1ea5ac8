-- Command side: the set of claimed emails and the credentials behind them (never in an event).
CREATE TABLE account_credentials (
    account_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    email_key     VARCHAR(254) NOT NULL UNIQUE,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL
);

-- Query side, processing group "catalog": venues and the events on sale.
CREATE TABLE venues (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    city          VARCHAR(200) NOT NULL,
    seat_rows     INTEGER      NOT NULL,
    seats_per_row INTEGER      NOT NULL,
    capacity      INTEGER      NOT NULL
);

CREATE TABLE event_summaries (
    id            VARCHAR(64)   NOT NULL PRIMARY KEY,
    venue_id      VARCHAR(64)   NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    description   VARCHAR(4000) NOT NULL,
    starts_at     BIGINT        NOT NULL,
    price_cents   BIGINT        NOT NULL,
    capacity      INTEGER       NOT NULL,
    booked        INTEGER       NOT NULL,
    last_sequence BIGINT        NOT NULL
);
CREATE INDEX ix_event_summaries_starts_at ON event_summaries (starts_at);

-- Query side, processing group "seat-maps": which seat of which event is booked.
CREATE TABLE seat_maps (
    event_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    seat_rows     INTEGER     NOT NULL,
    seats_per_row INTEGER     NOT NULL
);

CREATE TABLE booked_seats (
    event_id   VARCHAR(64) NOT NULL,
    seat       INTEGER     NOT NULL,
    booking_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (event_id, seat)
);

-- Query side, processing group "my-bookings".
CREATE TABLE bookings (
    booking_id VARCHAR(64)   NOT NULL PRIMARY KEY,
    event_id   VARCHAR(64)   NOT NULL,
    account_id VARCHAR(64)   NOT NULL,
    seats      VARCHAR(1000) NOT NULL,
    seat_count INTEGER       NOT NULL,
    booked_at  BIGINT        NOT NULL,
    status     VARCHAR(16)   NOT NULL
);
CREATE INDEX ix_bookings_account ON bookings (account_id, booked_at);

CREATE TABLE booked_events (
    event_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    title     VARCHAR(200) NOT NULL,
    starts_at BIGINT       NOT NULL
);
