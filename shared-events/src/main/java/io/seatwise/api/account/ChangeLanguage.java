package io.seatwise.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The account's holder chooses the language the site and its mails speak to them: a code, {@code en} or {@code de}. */
public record ChangeLanguage(@TargetAggregateIdentifier AccountId accountId, String language) {}
