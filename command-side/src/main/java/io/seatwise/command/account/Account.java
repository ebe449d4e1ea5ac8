package io.seatwise.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.AccountRegistered;
import io.seatwise.api.account.ChangeLanguage;
import io.seatwise.api.account.ChangePassword;
import io.seatwise.api.account.ChangeRole;
import io.seatwise.api.account.EmailVerified;
import io.seatwise.api.account.Language;
import io.seatwise.api.account.LanguageChanged;
import io.seatwise.api.account.PasswordChanged;
import io.seatwise.api.account.RegisterAccount;
import io.seatwise.api.account.RequestEmailVerification;
import io.seatwise.api.account.RequestPasswordReset;
import io.seatwise.api.account.ResetPassword;
import io.seatwise.api.account.Role;
import io.seatwise.api.account.RoleChanged;
import io.seatwise.api.account.VerifyEmail;
import io.seatwise.command.Texts;
import io.seatwise.command.account.AccountTokens.Purpose;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A person who books. Email uniqueness is a rule over all accounts, so it is checked against the {@link
 * AccountDirectory} in the same transaction that stores the account's first event, never against a read model that
 * may lag. The account decides whether its address is verified and when its password changes; the mailed links'
 * tokens live as hashes in {@link AccountTokens}, redeemed in the transaction that stores the change. A refusal
 * commits its unit of work (see the command bus), so every handler checks before it writes anything.
 */
@Aggregate
public class Account {

    static final int MAX_DISPLAY_NAME_LENGTH = 100;

    @AggregateIdentifier
    private AccountId accountId;

    private Role role;

    private Language language;

    private boolean emailVerified;

    protected Account() {}

    @CommandHandler
    Account(RegisterAccount command, AccountDirectory directory, Clock clock) {
        var email = Emails.normalize(command.email());
        var displayName = Texts.requiredLine(command.displayName(), "displayName", MAX_DISPLAY_NAME_LENGTH);
        requirePasswordHash(command.passwordHash());
        var language = language(command.language());
        directory.claim(
                new Credentials(command.accountId(), email, displayName, command.passwordHash(), command.role()),
                language,
                command.emailVerified());
        apply(new AccountRegistered(
                command.accountId(),
                email,
                displayName,
                command.role(),
                clock.instant(),
                language,
                command.emailVerified()));
    }

    private static void requirePasswordHash(String passwordHash) {
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new DomainException(InvalidValue.of("password", Rule.REQUIRED), "password is required");
        }
    }

    /** A link is about to be mailed; none for an address that is verified already, nor too many in a row. */
    @CommandHandler
    void handle(RequestEmailVerification command, AccountTokens tokens, Clock clock) {
        if (emailVerified) {
            throw new DomainException(Refusal.Plain.EMAIL_ALREADY_VERIFIED, "This address is verified already");
        }
        tokens.issue(accountId, Purpose.VERIFY_EMAIL, command.tokenHash(), clock.instant());
    }

    /**
     * The address is verified by a link that is unused and unexpired; the account's other verification links stop
     * working with it, so that each link verifies once ("400 invalid or used").
     */
    @CommandHandler
    void handle(VerifyEmail command, AccountTokens tokens, AccountDirectory directory, Clock clock) {
        var now = clock.instant();
        if (emailVerified || !tokens.redeem(accountId, Purpose.VERIFY_EMAIL, command.tokenHash(), now)) {
            throw invalidLink();
        }
        tokens.retireAll(accountId, Purpose.VERIFY_EMAIL, now);
        directory.emailVerified(accountId);
        apply(new EmailVerified(accountId, now));
    }

    /** The current password was checked by the caller, as at sign-in; the directory keeps the new hash. */
    @CommandHandler
    void handle(ChangePassword command, AccountDirectory directory, Clock clock) {
        requirePasswordHash(command.passwordHash());
        directory.changePassword(accountId, command.passwordHash());
        apply(new PasswordChanged(accountId, clock.instant(), false));
    }

    @CommandHandler
    void handle(RequestPasswordReset command, AccountTokens tokens, Clock clock) {
        tokens.issue(accountId, Purpose.RESET_PASSWORD, command.tokenHash(), clock.instant());
    }

    /**
     * A new password by a reset link that is unused and unexpired; every other reset link stops working. The link
     * went to the account's address, so following it verifies the address too.
     */
    @CommandHandler
    void handle(ResetPassword command, AccountTokens tokens, AccountDirectory directory, Clock clock) {
        requirePasswordHash(command.passwordHash());
        var now = clock.instant();
        if (!tokens.redeem(accountId, Purpose.RESET_PASSWORD, command.tokenHash(), now)) {
            throw invalidLink();
        }
        tokens.retireAll(accountId, Purpose.RESET_PASSWORD, now);
        directory.changePassword(accountId, command.passwordHash());
        apply(new PasswordChanged(accountId, now, true));
        if (!emailVerified) {
            directory.emailVerified(accountId);
            apply(new EmailVerified(accountId, now));
        }
    }

    private static DomainException invalidLink() {
        return new DomainException(
                Refusal.Plain.INVALID_TOKEN, "This link is not valid: it is unknown, was used already, or has expired");
    }

    /** Like a role, the language is written to the directory with the event, so the next page already speaks it. */
    @CommandHandler
    void handle(ChangeLanguage command, AccountDirectory directory, Clock clock) {
        var chosen = language(command.language());
        if (chosen == language) {
            return;
        }
        directory.changeLanguage(accountId, chosen);
        apply(new LanguageChanged(accountId, chosen, clock.instant()));
    }

    /** Only the languages Seatwise has texts for; the web falls back to English for a browser's other languages. */
    private static Language language(String code) {
        if (code == null || code.isBlank()) {
            throw new DomainException(InvalidValue.of("language", Rule.REQUIRED), "language is required");
        }
        return Language.of(code)
                .orElseThrow(() -> new DomainException(
                        InvalidValue.of("language", Rule.NOT_A_CHOICE), "language must be en or de"));
    }

    /**
     * The directory changes in the transaction that stores the event, so sign-in and tokens see the new role as soon
     * as the command is answered. An admin may not demote themselves: the site could be left without any admin.
     */
    @CommandHandler
    void handle(ChangeRole command, AccountDirectory directory, Clock clock) {
        if (command.role() == null) {
            throw new DomainException(InvalidValue.of("role", Rule.REQUIRED), "role is required");
        }
        if (command.role() == role) {
            return;
        }
        if (role == Role.ADMIN && accountId.equals(command.changedBy())) {
            throw new DomainException(
                    Refusal.Plain.OWN_ADMIN_ROLE,
                    "You cannot take the ADMIN role from yourself; another admin has to do it");
        }
        directory.changeRole(accountId, command.role());
        apply(new RoleChanged(accountId, command.role(), command.changedBy(), clock.instant()));
    }

    @EventSourcingHandler
    void on(AccountRegistered event) {
        accountId = event.accountId();
        role = event.role();
        language = event.language();
        emailVerified = event.emailVerified();
    }

    @EventSourcingHandler
    void on(EmailVerified event) {
        emailVerified = true;
    }

    @EventSourcingHandler
    void on(RoleChanged event) {
        role = event.role();
    }

    @EventSourcingHandler
    void on(LanguageChanged event) {
        language = event.language();
    }
}
