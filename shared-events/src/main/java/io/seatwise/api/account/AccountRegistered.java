package io.seatwise.api.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An account was opened. Revision 2 added {@code language}: accounts stored as revision 1, before accounts had a
 * language, read as English (command-side {@code upcasting/AccountLanguageUpcaster}).
 */
@Revision("2")
public record AccountRegistered(
        AccountId accountId, String email, String displayName, Role role, Instant registeredAt, Language language) {}
