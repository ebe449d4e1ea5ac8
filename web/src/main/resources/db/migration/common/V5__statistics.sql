-- Query side, processing group "statistics": the admins' figures and the rows of their CSV exports. Every change to
-- an event's figures carries the seat map's sequence number and is applied only when it is newer than the row's, and
-- the booking rows and daily sums change only together with it, so a redelivered event changes nothing. Per-venue
-- figures are summed from the events' rows when asked for.
CREATE TABLE stats_venues (
    venue_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    name     VARCHAR(200) NOT NULL,
    city     VARCHAR(200) NOT NULL
);

CREATE TABLE stats_events (
    event_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    venue_id      VARCHAR(64)  NOT NULL,
    title         VARCHAR(200) NOT NULL,
    starts_at     BIGINT       NOT NULL,
    price_cents   BIGINT       NOT NULL,
    capacity      INTEGER      NOT NULL,
    booked        INTEGER      NOT NULL,
    bookings      INTEGER      NOT NULL,
    revenue_cents BIGINT       NOT NULL,
    last_sequence BIGINT       NOT NULL
);
CREATE INDEX ix_stats_events_venue ON stats_events (venue_id);
CREATE INDEX ix_stats_events_starts_at ON stats_events (starts_at);

-- One row per booking, cancelled ones included; booked_on is the UTC day it was made, for the daily sums.
CREATE TABLE stats_bookings (
    booking_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
    event_id     VARCHAR(64)   NOT NULL,
    account_id   VARCHAR(64)   NOT NULL,
    seats        VARCHAR(1000) NOT NULL,
    seat_count   INTEGER       NOT NULL,
    amount_cents BIGINT        NOT NULL,
    booked_at    BIGINT        NOT NULL,
    booked_on    VARCHAR(10)   NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    cancelled_at BIGINT
);
CREATE INDEX ix_stats_bookings_booked_at ON stats_bookings (booked_at, booking_id);

CREATE TABLE stats_daily (
    day           VARCHAR(10) NOT NULL PRIMARY KEY,
    bookings      INTEGER     NOT NULL,
    seats         INTEGER     NOT NULL,
    revenue_cents BIGINT      NOT NULL
);

CREATE TABLE stats_users (
    account_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    registered_at BIGINT       NOT NULL
);
CREATE INDEX ix_stats_users_registered_at ON stats_users (registered_at, account_id);
