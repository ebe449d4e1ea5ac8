package io.seatwise.api.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An account was opened. Revision 2 added {@code language}: accounts stored as revision 1, before accounts had a
 * language, read as English (command-side {@code upcasting/AccountLanguageUpcaster}). Revision 3 added
 * {@code emailVerified}, whether the address counts as verified from the start (the first admin, the demo guest);
 * accounts stored before addresses were verified read as verified ({@code upcasting/EmailVerifiedUpcaster}).
 */
@Revision("3")
public record AccountRegistered(
        AccountId accountId,
        String email,
        String displayName,
        Role role,
        Instant registeredAt,
        Language language,
        boolean emailVerified) {}
