-- Axon's event store, tokens and sagas, with Axon's default table and column names so that its JDBC components
-- need no mapping. The unique (aggregateIdentifier, sequenceNumber) key is what turns two concurrent appends to one
-- aggregate into a concurrency error instead of a doubly sold seat.

CREATE TABLE DomainEventEntry (
    globalIndex         INTEGER PRIMARY KEY AUTOINCREMENT,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BLOB,
    payload             BLOB         NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    CONSTRAINT uk_domain_event_aggregate_sequence UNIQUE (aggregateIdentifier, sequenceNumber),
    CONSTRAINT uk_domain_event_identifier UNIQUE (eventIdentifier)
);

CREATE TABLE SnapshotEventEntry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BLOB,
    payload             BLOB         NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    CONSTRAINT uk_snapshot_event_identifier UNIQUE (eventIdentifier)
);

CREATE TABLE TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BLOB,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);

CREATE TABLE SagaEntry (
    sagaId         VARCHAR(255) NOT NULL PRIMARY KEY,
    revision       VARCHAR(255),
    sagaType       VARCHAR(255),
    serializedSaga BLOB
);

CREATE TABLE AssociationValueEntry (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    associationKey   VARCHAR(255),
    associationValue VARCHAR(255),
    sagaType         VARCHAR(255),
    sagaId           VARCHAR(255)
);
CREATE INDEX ix_association_lookup ON AssociationValueEntry (sagaType, associationKey, associationValue);
CREATE INDEX ix_association_saga ON AssociationValueEntry (sagaId, sagaType);
