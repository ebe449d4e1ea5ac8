package io.seatwise.command.account;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.Role;

/** What signing in needs to know of an account. Kept by the command side only; the hash never enters an event. */
public record Credentials(AccountId accountId, String email, String displayName, String passwordHash, Role role) {

    @Override
    public String toString() {
        return "Credentials[accountId=" + accountId + ", email=" + email + ", role=" + role + "]";
    }
}
