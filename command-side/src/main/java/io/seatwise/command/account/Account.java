package io.seatwise.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.Refusal.InvalidValue;
import io.seatwise.api.Refusal.InvalidValue.Rule;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.AccountRegistered;
import io.seatwise.api.account.ChangeLanguage;
import io.seatwise.api.account.ChangeRole;
import io.seatwise.api.account.Language;
import io.seatwise.api.account.LanguageChanged;
import io.seatwise.api.account.RegisterAccount;
import io.seatwise.api.account.Role;
import io.seatwise.api.account.RoleChanged;
import io.seatwise.command.Texts;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A person who books. Email uniqueness is a rule over all accounts, so it is checked against the {@link
 * AccountDirectory} in the same transaction that stores the account's first event, never against a read model that
 * may lag.
 */
@Aggregate
public class Account {

    static final int MAX_DISPLAY_NAME_LENGTH = 100;

    @AggregateIdentifier
    private AccountId accountId;

    private Role role;

    private Language language;

    protected Account() {}

    @CommandHandler
    Account(RegisterAccount command, AccountDirectory directory, Clock clock) {
        var email = Emails.normalize(command.email());
        var displayName = Texts.requiredLine(command.displayName(), "displayName", MAX_DISPLAY_NAME_LENGTH);
        if (command.passwordHash() == null || command.passwordHash().isBlank()) {
            throw new DomainException(InvalidValue.of("password", Rule.REQUIRED), "password is required");
        }
        var language = language(command.language());
        directory.claim(
                new Credentials(command.accountId(), email, displayName, command.passwordHash(), command.role()),
                language);
        apply(new AccountRegistered(
                command.accountId(), email, displayName, command.role(), clock.instant(), language));
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
