package io.seatwise.web.account;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal.InvalidValue;
import io.seatwise.api.Refusal.InvalidValue.Rule;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.Language;
import io.seatwise.api.account.RegisterAccount;
import io.seatwise.api.account.Role;
import java.nio.charset.StandardCharsets;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Opens accounts for the API, the registration form and the first admin alike. */
@Service
public class Registrations {

    public static final int MIN_PASSWORD_LENGTH = 8;
    /** In UTF-8 bytes: BCrypt reads no more of a password, so a longer one would be cut short or refused. */
    public static final int MAX_PASSWORD_LENGTH = 72;

    private final CommandGateway commands;
    private final PasswordEncoder passwordEncoder;
    private final CommonPasswords commonPasswords;

    Registrations(CommandGateway commands, PasswordEncoder passwordEncoder, CommonPasswords commonPasswords) {
        this.commands = commands;
        this.passwordEncoder = passwordEncoder;
        this.commonPasswords = commonPasswords;
    }

    /** An account that reads English: the first admin and the demo guest. */
    public AccountId register(String email, String password, String displayName, Role role) {
        return register(email, password, displayName, role, Language.EN.code());
    }

    /**
     * An account in the language of the given code ({@code en} or {@code de}); any other code is refused by the
     * account (400 {@code invalid-not-a-choice}).
     */
    public AccountId register(String email, String password, String displayName, Role role, String language) {
        if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_LENGTH) {
            throw new DomainException(
                    InvalidValue.atMost("password", Rule.TOO_MANY_BYTES, MAX_PASSWORD_LENGTH),
                    "password must be at most " + MAX_PASSWORD_LENGTH + " bytes long in UTF-8: " + MAX_PASSWORD_LENGTH
                            + " plain letters or digits, fewer accented ones");
        }
        if (commonPasswords.contains(password)) {
            throw new DomainException(
                    InvalidValue.of("password", Rule.TOO_COMMON),
                    "password is one of the most common passwords, which are guessed first; please choose another");
        }
        if (password != null
                && (password.strip().equalsIgnoreCase(strip(email))
                        || password.strip().equalsIgnoreCase(strip(displayName)))) {
            throw new DomainException(
                    InvalidValue.of("password", Rule.LIKE_NAME),
                    "password must not be your email or your name; please choose another");
        }
        var accountId = AccountId.random();
        commands.sendAndWait(
                new RegisterAccount(accountId, email, displayName, passwordEncoder.encode(password), role, language));
        return accountId;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
