package io.seatwise.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The holder chose a new password, having given the current one (checked where passwords are checked, at sign-in).
 * Carries the new hash, for the credential store only; no event carries it.
 */
public record ChangePassword(@TargetAggregateIdentifier AccountId accountId, String passwordHash) {

    @Override
    public String toString() {
        return "ChangePassword[accountId=" + accountId + "]";
    }
}
