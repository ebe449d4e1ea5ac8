package io.seatwise.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens an account. The command carries the password hash so that the command side can keep it in its credential
 * store; commands are never stored, and no event ever carries the hash.
 */
public record RegisterAccount(
        @TargetAggregateIdentifier AccountId accountId,
        String email,
        String displayName,
        String passwordHash,
        Role role) {

    @Override
    public String toString() {
        return "RegisterAccount[accountId=" + accountId + ", email=" + email + ", role=" + role + "]";
    }
}
