package io.seatwise.api.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The account's language from now on; the one it signed up with stays in {@link AccountRegistered}. */
@Revision("1")
public record LanguageChanged(AccountId accountId, Language language, Instant changedAt) {}
