-- The waitlist (issue 16): which event each waitlist entry belongs to, for leaving and accepting, which name only the
-- entry. Written by the command side's booking ledger in the transaction that stores the entry, so it is never behind
-- (in the event store's file on SQLite, beside the ledger's other tables).
CREATE TABLE ledger_waitlist (
    entry_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    event_id   VARCHAR(64) NOT NULL,
    account_id VARCHAR(64) NOT NULL
);
