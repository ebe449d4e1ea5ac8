package io.seatwise.command.account;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.Language;
import io.seatwise.api.account.Role;

/** An account as admins see it in the directory: never with its password hash. */
public record AccountEntry(AccountId accountId, String email, String displayName, Role role, Language language) {}
