package io.seatwise.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A new password by the mailed reset link whose token hashes to {@code tokenHash}; the new hash is for the store. */
public record ResetPassword(@TargetAggregateIdentifier AccountId accountId, String tokenHash, String passwordHash) {

    @Override
    public String toString() {
        return "ResetPassword[accountId=" + accountId + "]";
    }
}
