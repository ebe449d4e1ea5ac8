package io.seatwise.web.account;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.Language;
import io.seatwise.api.account.RegisterAccount;
import io.seatwise.api.account.Role;
import io.seatwise.command.account.AccountRules;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Opens accounts for the API, the registration form and the first admin alike. A person's new account is mailed a
 * link to verify its address (while {@link AccountRules#verifyEmail()} is on); the addresses that the operator chose
 * are verified from the start.
 */
@Service
public class Registrations {

    public static final int MIN_PASSWORD_LENGTH = 8;
    /** In UTF-8 bytes: BCrypt reads no more of a password, so a longer one would be cut short or refused. */
    public static final int MAX_PASSWORD_LENGTH = 72;

    private final CommandGateway commands;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final AccountRules rules;
    private final EmailVerification verification;

    Registrations(
            CommandGateway commands,
            PasswordEncoder passwordEncoder,
            PasswordPolicy policy,
            AccountRules rules,
            EmailVerification verification) {
        this.commands = commands;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.rules = rules;
        this.verification = verification;
    }

    /** An account that reads English, its address verified: the first admin and the demo guest. */
    public AccountId registerVerified(String email, String password, String displayName, Role role) {
        return open(email, password, displayName, role, Language.EN.code(), true);
    }

    /**
     * An account in the language of the given code ({@code en} or {@code de}); any other code is refused by the
     * account (400 {@code invalid-not-a-choice}). Its address is verified by the link mailed to it now.
     */
    public AccountId register(String email, String password, String displayName, Role role, String language) {
        var accountId = open(email, password, displayName, role, language, false);
        if (rules.verifyEmail()) {
            verification.sendAfterRegistration(accountId);
        }
        return accountId;
    }

    private AccountId open(
            String email, String password, String displayName, Role role, String language, boolean verified) {
        policy.check(password, email, displayName, "password");
        var accountId = AccountId.random();
        commands.sendAndWait(new RegisterAccount(
                accountId, email, displayName, passwordEncoder.encode(password), role, language, verified));
        return accountId;
    }
}
