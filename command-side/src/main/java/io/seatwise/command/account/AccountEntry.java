package io.seatwise.command.account;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.Language;
import io.seatwise.api.account.Role;

/**
 * An account as admins and its holder see it in the directory: never with its password hash. {@code emailVerified}
 * is whether its address is verified (accounts opened before addresses were verified count as verified).
 */
public record AccountEntry(
        AccountId accountId, String email, String displayName, Role role, Language language, boolean emailVerified) {}
