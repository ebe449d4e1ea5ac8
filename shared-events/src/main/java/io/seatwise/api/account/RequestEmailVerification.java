package io.seatwise.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A link to verify the account's address is about to be mailed: the account keeps the SHA-256 hash of its token
 * ({@code tokenHash}, hex), never the token, which only the mail carries.
 */
public record RequestEmailVerification(
        @TargetAggregateIdentifier AccountId accountId, String tokenHash) {

    @Override
    public String toString() {
        return "RequestEmailVerification[accountId=" + accountId + "]";
    }
}
