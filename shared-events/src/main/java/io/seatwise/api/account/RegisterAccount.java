package io.seatwise.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens an account. The command carries the password hash so that the command side can keep it in its credential
 * store; commands are never stored, and no event ever carries the hash. {@code language} is a code the account
 * checks ({@code en} or {@code de}; see {@link Language}). {@code emailVerified} is set only for addresses that the
 * operator chose (the first admin, the demo guest); everyone else verifies theirs by a mailed link.
 */
public record RegisterAccount(
        @TargetAggregateIdentifier AccountId accountId,
        String email,
        String displayName,
        String passwordHash,
        Role role,
        String language,
        boolean emailVerified) {

    /** An account whose address is not verified yet. */
    public RegisterAccount(
            AccountId accountId, String email, String displayName, String passwordHash, Role role, String language) {
        this(accountId, email, displayName, passwordHash, role, language, false);
    }

    /** An account that reads English, its address not verified yet. */
    public RegisterAccount(AccountId accountId, String email, String displayName, String passwordHash, Role role) {
        this(accountId, email, displayName, passwordHash, role, Language.EN.code());
    }

    @Override
    public String toString() {
        return "RegisterAccount[accountId=" + accountId + ", email=" + email + ", role=" + role + ", language="
                + language + ", emailVerified=" + emailVerified + "]";
    }
}
