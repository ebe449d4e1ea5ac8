-- The read models move to a file of their own, attached to every connection as read_models (see the application's
-- infra/DataSourceConfiguration): everything the event processors and the postman write, so that they take that
-- file's writer and never the event store's, which the bookings need. The event store, the snapshots, the account
-- directory and the booking ledger, all written by commands, stay in the main file. Each table is created in the
-- new file as it stands, its rows copied, and the old table dropped; every query names tables without a schema and
-- so finds them in either file.

CREATE TABLE read_models.TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BLOB,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);
INSERT INTO read_models.TokenEntry SELECT * FROM main.TokenEntry;
DROP TABLE main.TokenEntry;

CREATE TABLE read_models.SagaEntry (
    sagaId         VARCHAR(255) NOT NULL PRIMARY KEY,
    revision       VARCHAR(255),
    sagaType       VARCHAR(255),
    serializedSaga BLOB
);
INSERT INTO read_models.SagaEntry SELECT * FROM main.SagaEntry;
DROP TABLE main.SagaEntry;

CREATE TABLE read_models.AssociationValueEntry (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    associationKey   VARCHAR(255),
    associationValue VARCHAR(255),
    sagaType         VARCHAR(255),
    sagaId           VARCHAR(255)
);
INSERT INTO read_models.AssociationValueEntry SELECT * FROM main.AssociationValueEntry;
DROP TABLE main.AssociationValueEntry;
CREATE INDEX read_models.ix_association_lookup ON AssociationValueEntry (sagaType, associationKey, associationValue);
CREATE INDEX read_models.ix_association_saga ON AssociationValueEntry (sagaId, sagaType);

CREATE TABLE read_models.DeadLetterEntry (
    deadLetterIdentifier VARCHAR(255)  NOT NULL PRIMARY KEY,
    processingGroup      VARCHAR(255)  NOT NULL,
    sequenceIdentifier   VARCHAR(255)  NOT NULL,
    sequenceIndex        BIGINT        NOT NULL,
    messageType          VARCHAR(255)  NOT NULL,
    eventIdentifier      VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadType          VARCHAR(255)  NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BLOB          NOT NULL,
    metaData             BLOB,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BLOB,
    enqueuedAt           VARCHAR(255)  NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         VARCHAR(1023),
    diagnostics          BLOB,
    CONSTRAINT uk_dead_letter_sequence UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);
INSERT INTO read_models.DeadLetterEntry SELECT * FROM main.DeadLetterEntry;
DROP TABLE main.DeadLetterEntry;
CREATE INDEX read_models.ix_dead_letter_group ON DeadLetterEntry (processingGroup);
CREATE INDEX read_models.ix_dead_letter_sequence ON DeadLetterEntry (processingGroup, sequenceIdentifier);

CREATE TABLE read_models.venues (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    city          VARCHAR(200) NOT NULL,
    seat_rows     INTEGER      NOT NULL,
    seats_per_row INTEGER      NOT NULL,
    capacity      INTEGER      NOT NULL
);
INSERT INTO read_models.venues SELECT * FROM main.venues;
DROP TABLE main.venues;

CREATE TABLE read_models.event_summaries (
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
INSERT INTO read_models.event_summaries SELECT * FROM main.event_summaries;
DROP TABLE main.event_summaries;
CREATE INDEX read_models.ix_event_summaries_starts_at ON event_summaries (starts_at);

CREATE TABLE read_models.seat_maps (
    event_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    seat_rows     INTEGER     NOT NULL,
    seats_per_row INTEGER     NOT NULL
, version BIGINT NOT NULL DEFAULT 0);
INSERT INTO read_models.seat_maps SELECT * FROM main.seat_maps;
DROP TABLE main.seat_maps;

CREATE TABLE read_models.booked_seats (
    event_id   VARCHAR(64) NOT NULL,
    seat       INTEGER     NOT NULL,
    booking_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (event_id, seat)
);
INSERT INTO read_models.booked_seats SELECT * FROM main.booked_seats;
DROP TABLE main.booked_seats;

CREATE TABLE read_models.bookings (
    booking_id VARCHAR(64)   NOT NULL PRIMARY KEY,
    event_id   VARCHAR(64)   NOT NULL,
    account_id VARCHAR(64)   NOT NULL,
    seats      VARCHAR(1000) NOT NULL,
    seat_count INTEGER       NOT NULL,
    booked_at  BIGINT        NOT NULL,
    status     VARCHAR(16)   NOT NULL
);
INSERT INTO read_models.bookings SELECT * FROM main.bookings;
DROP TABLE main.bookings;
CREATE INDEX read_models.ix_bookings_account ON bookings (account_id, booked_at);

CREATE TABLE read_models.booked_events (
    event_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    title     VARCHAR(200) NOT NULL,
    starts_at BIGINT       NOT NULL
);
INSERT INTO read_models.booked_events SELECT * FROM main.booked_events;
DROP TABLE main.booked_events;

CREATE TABLE read_models.reviews (
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
INSERT INTO read_models.reviews SELECT * FROM main.reviews;
DROP TABLE main.reviews;
CREATE INDEX read_models.ix_reviews_subject ON reviews (subject_kind, subject_id, created_at);

CREATE TABLE read_models.review_authors (
    account_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name VARCHAR(100) NOT NULL
);
INSERT INTO read_models.review_authors SELECT * FROM main.review_authors;
DROP TABLE main.review_authors;

CREATE TABLE read_models.mail_outbox (
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
INSERT INTO read_models.mail_outbox SELECT * FROM main.mail_outbox;
DROP TABLE main.mail_outbox;
CREATE INDEX read_models.ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX read_models.ix_mail_outbox_booking ON mail_outbox (booking_id);
CREATE INDEX read_models.ix_mail_outbox_created ON mail_outbox (created_at);

CREATE TABLE read_models.mail_accounts (
    account_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    email        VARCHAR(254) NOT NULL,
    display_name VARCHAR(100) NOT NULL
);
INSERT INTO read_models.mail_accounts SELECT * FROM main.mail_accounts;
DROP TABLE main.mail_accounts;

CREATE TABLE read_models.mail_venues (
    venue_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    name     VARCHAR(200) NOT NULL,
    city     VARCHAR(200) NOT NULL
);
INSERT INTO read_models.mail_venues SELECT * FROM main.mail_venues;
DROP TABLE main.mail_venues;

CREATE TABLE read_models.mail_events (
    event_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    venue_id      VARCHAR(64)  NOT NULL,
    title         VARCHAR(200) NOT NULL,
    starts_at     BIGINT       NOT NULL,
    seat_rows     INTEGER      NOT NULL,
    seats_per_row INTEGER      NOT NULL
);
INSERT INTO read_models.mail_events SELECT * FROM main.mail_events;
DROP TABLE main.mail_events;

CREATE TABLE read_models.mail_bookings (
    booking_id VARCHAR(64)   NOT NULL PRIMARY KEY,
    event_id   VARCHAR(64)   NOT NULL,
    account_id VARCHAR(64)   NOT NULL,
    seats      VARCHAR(1000) NOT NULL,
    cancelled  BOOLEAN       NOT NULL DEFAULT FALSE
);
INSERT INTO read_models.mail_bookings SELECT * FROM main.mail_bookings;
DROP TABLE main.mail_bookings;

CREATE TABLE read_models.mail_event_reviews (
    review_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    event_id   VARCHAR(64) NOT NULL,
    account_id VARCHAR(64) NOT NULL
);
INSERT INTO read_models.mail_event_reviews SELECT * FROM main.mail_event_reviews;
DROP TABLE main.mail_event_reviews;
CREATE INDEX read_models.ix_mail_event_reviews_author ON mail_event_reviews (event_id, account_id);

CREATE TABLE read_models.mail_installed (
    installed_at BIGINT NOT NULL
);
INSERT INTO read_models.mail_installed SELECT * FROM main.mail_installed;
DROP TABLE main.mail_installed;

CREATE TABLE read_models.stats_venues (
    venue_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    name     VARCHAR(200) NOT NULL,
    city     VARCHAR(200) NOT NULL
);
INSERT INTO read_models.stats_venues SELECT * FROM main.stats_venues;
DROP TABLE main.stats_venues;

CREATE TABLE read_models.stats_events (
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
INSERT INTO read_models.stats_events SELECT * FROM main.stats_events;
DROP TABLE main.stats_events;
CREATE INDEX read_models.ix_stats_events_venue ON stats_events (venue_id);
CREATE INDEX read_models.ix_stats_events_starts_at ON stats_events (starts_at);

CREATE TABLE read_models.stats_bookings (
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
INSERT INTO read_models.stats_bookings SELECT * FROM main.stats_bookings;
DROP TABLE main.stats_bookings;
CREATE INDEX read_models.ix_stats_bookings_booked_at ON stats_bookings (booked_at, booking_id);

CREATE TABLE read_models.stats_daily (
    day           VARCHAR(10) NOT NULL PRIMARY KEY,
    bookings      INTEGER     NOT NULL,
    seats         INTEGER     NOT NULL,
    revenue_cents BIGINT      NOT NULL
);
INSERT INTO read_models.stats_daily SELECT * FROM main.stats_daily;
DROP TABLE main.stats_daily;

CREATE TABLE read_models.stats_users (
    account_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    registered_at BIGINT       NOT NULL
);
INSERT INTO read_models.stats_users SELECT * FROM main.stats_users;
DROP TABLE main.stats_users;
CREATE INDEX read_models.ix_stats_users_registered_at ON stats_users (registered_at, account_id);
