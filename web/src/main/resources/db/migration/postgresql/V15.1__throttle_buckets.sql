-- The throttles' token buckets (Bucket4j's PostgreSQL proxy manager), one row per kind and key, such as
-- 'sign-in:203.0.113.9', shared by every node. expires_at (epoch milliseconds) is when the bucket would be full again:
-- rows past it are deleted now and then. SQLite keeps its one node's buckets in memory.
CREATE TABLE throttle_buckets (
    id TEXT PRIMARY KEY,
    state BYTEA,
    expires_at BIGINT
);

CREATE INDEX throttle_buckets_expires_at ON throttle_buckets (expires_at);
