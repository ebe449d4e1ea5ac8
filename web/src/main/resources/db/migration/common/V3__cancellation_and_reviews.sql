-- Command side, processing group "booking-ledger" (subscribing: written in the transaction that stores the events).
-- Which venue each event is at, and which event and account each booking belongs to, for cancellations (they name
-- only the booking) and for who may review.
CREATE TABLE ledger_events (
    event_id VARCHAR(64) NOT NULL PRIMARY KEY,
    venue_id VARCHAR(64) NOT NULL
);
CREATE INDEX ix_ledger_events_venue ON ledger_events (venue_id);

CREATE TABLE ledger_bookings (
    booking_id VARCHAR(64) NOT NULL PRIMARY KEY,
    event_id   VARCHAR(64) NOT NULL,
    account_id VARCHAR(64) NOT NULL,
    status     VARCHAR(16) NOT NULL
);
CREATE INDEX ix_ledger_bookings_account ON ledger_bookings (account_id, event_id);

-- Query side, processing group "reviews". A deleted review stays as a row marked deleted, and every change carries
-- the review's sequence number, so that an event delivered again never brings back an older state.
CREATE TABLE reviews (
    review_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    subject_kind  VARCHAR(8)    NOT NULL,
    subject_id    VARCHAR(64)   NOT NULL,
    author_id     VARCHAR(64)   NOT NULL,
    rating        INTEGER       NOT NULL,
    text          VARCHAR(4000) NOT NULL,
    created_at    BIGINT        NOT NULL,
    updated_at    BIGINT        NOT NULL,
    deleted       BOOLEAN       NOT NULL,
    last_sequence BIGINT        NOT NULL
);
CREATE INDEX ix_reviews_subject ON reviews (subject_kind, subject_id, created_at);

CREATE TABLE review_authors (
    account_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name VARCHAR(100) NOT NULL
);
