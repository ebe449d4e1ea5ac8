-- Accounts (issue 16): verified addresses, password changes and resets. The account directory keeps whether the
-- address is verified and the version of the credentials (one more with each new password: tokens and sessions of an
-- older version are refused), changed in the transaction of the command that decides it. Accounts opened before
-- addresses were verified count as verified, as their events read (AccountRegistered of revision 2 and 1 are upcast
-- with emailVerified = true); every account opened since says so itself.
ALTER TABLE account_credentials ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE account_credentials ADD COLUMN credential_version INTEGER NOT NULL DEFAULT 0;

-- The tokens of mailed links, as SHA-256 hashes (hex) only, beside the directory whose commands redeem them. Times
-- are epoch milliseconds; a token is redeemed once (used_at) and not after expires_at.
CREATE TABLE account_tokens (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id VARCHAR(64) NOT NULL,
    purpose    VARCHAR(16) NOT NULL,
    issued_at  BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL,
    used_at    BIGINT
);
CREATE INDEX ix_account_tokens_account ON account_tokens (account_id, purpose, issued_at);
