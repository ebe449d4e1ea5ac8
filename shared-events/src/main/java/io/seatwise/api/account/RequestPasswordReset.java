package io.seatwise.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A link to reset the password is about to be mailed to the account's address: the account keeps the SHA-256 hash of
 * its token (hex), never the token.
 */
public record RequestPasswordReset(
        @TargetAggregateIdentifier AccountId accountId, String tokenHash) {

    @Override
    public String toString() {
        return "RequestPasswordReset[accountId=" + accountId + "]";
    }
}
