package io.seatwise.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin ({@code changedBy}) gives an account another role. */
public record ChangeRole(@TargetAggregateIdentifier AccountId accountId, Role role, AccountId changedBy) {}
