package io.seatwise.command.account;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.Role;

/**
 * What signing in needs to know of an account. Kept by the command side only; the hash never enters an event.
 * {@code credentialVersion} counts the password's changes: a token or a session names the version it was signed in
 * with, and is refused once the version has moved on.
 */
public record Credentials(
        AccountId accountId, String email, String displayName, String passwordHash, Role role, int credentialVersion) {

    /** The credentials of a new account, of version 0. */
    public Credentials(AccountId accountId, String email, String displayName, String passwordHash, Role role) {
        this(accountId, email, displayName, passwordHash, role, 0);
    }

    @Override
    public String toString() {
        return "Credentials[accountId=" + accountId + ", email=" + email + ", role=" + role + ", credentialVersion="
                + credentialVersion + "]";
    }
}
