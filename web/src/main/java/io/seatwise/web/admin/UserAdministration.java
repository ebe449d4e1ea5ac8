package io.seatwise.web.admin;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.ChangeRole;
import io.seatwise.api.account.Language;
import io.seatwise.api.account.Role;
import io.seatwise.command.account.AccountDirectory;
import io.seatwise.command.account.AccountEntry;
import io.seatwise.web.security.CurrentRoles;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

/**
 * What admins do to accounts, for the API and the admin users page alike: find them by email and change their role.
 * Accounts are read from the command side's directory, where a role changes in the same transaction as its event, so
 * the answer to a change and the next search show it at once (a read model would lag behind).
 */
@Service
class UserAdministration {

    /** Searches answer at most this many accounts; a longer fragment of the email narrows them down. */
    static final int MAX_RESULTS = 50;

    private static final String ROLES =
            Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));

    private final CommandGateway commands;
    private final AccountDirectory directory;
    private final CurrentRoles currentRoles;

    UserAdministration(CommandGateway commands, AccountDirectory directory, CurrentRoles currentRoles) {
        this.commands = commands;
        this.directory = directory;
        this.currentRoles = currentRoles;
    }

    /** Accounts whose email contains the fragment, in any case; the first ones by email for a blank fragment. */
    List<AdminUserView> find(String emailFragment) {
        return directory.search(emailFragment, MAX_RESULTS).stream()
                .map(AdminUserView::of)
                .toList();
    }

    AdminUserView changeRole(String accountId, String role, AccountId admin) {
        var newRole = parse(role);
        var account = AccountId.of(accountId);
        // checked first: the id of an event or venue would otherwise reach another aggregate's events
        directory.find(account).orElseThrow(UserAdministration::noSuchAccount);
        try {
            commands.sendAndWait(new ChangeRole(account, newRole, admin));
        } catch (AggregateNotFoundException e) {
            throw noSuchAccount();
        }
        currentRoles.changed(account);
        return directory.find(account).map(AdminUserView::of).orElseThrow(UserAdministration::noSuchAccount);
    }

    static Role parse(String role) {
        if (role == null || role.isBlank()) {
            throw new DomainException(InvalidValue.of("role", Rule.REQUIRED), "role is required: one of " + ROLES);
        }
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(InvalidValue.of("role", Rule.NOT_A_CHOICE), "role must be one of " + ROLES);
        }
    }

    private static DomainException noSuchAccount() {
        return new DomainException(Refusal.Plain.NO_SUCH_ACCOUNT, "No such account");
    }

    /**
     * An account as admins see it. {@code verified} is whether its email address is verified (by its mailed link or a
     * password reset; the first admin, the demo guest and accounts opened before addresses were verified count as
     * verified). {@code language} is the language of its mail.
     */
    record AdminUserView(String id, String email, String displayName, Role role, boolean verified, Language language) {

        static AdminUserView of(AccountEntry entry) {
            return new AdminUserView(
                    entry.accountId().value(),
                    entry.email(),
                    entry.displayName(),
                    entry.role(),
                    entry.emailVerified(),
                    entry.language());
        }
    }
}
