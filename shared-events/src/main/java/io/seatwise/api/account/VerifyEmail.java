package io.seatwise.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Someone followed the mailed link whose token hashes to {@code tokenHash}: the address is the account holder's. */
public record VerifyEmail(@TargetAggregateIdentifier AccountId accountId, String tokenHash) {

    @Override
    public String toString() {
        return "VerifyEmail[accountId=" + accountId + "]";
    }
}
