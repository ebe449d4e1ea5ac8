package io.seatwise.web.account;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * What a new password must be, at registration, on a change and on a reset alike: at most {@link
 * Registrations#MAX_PASSWORD_LENGTH} bytes (the form and the API's validation check at least {@link
 * Registrations#MIN_PASSWORD_LENGTH} characters), none of the most common passwords, and neither the account's email
 * nor its name.
 */
@Component
class PasswordPolicy {

    private final CommonPasswords commonPasswords;

    PasswordPolicy(CommonPasswords commonPasswords) {
        this.commonPasswords = commonPasswords;
    }

    /** Refuses (400 {@code invalid-…}, field {@code field}) a password that breaks a rule. */
    void check(String password, String email, String displayName, String field) {
        if (password == null || password.isBlank()) {
            throw new DomainException(InvalidValue.of(field, Rule.REQUIRED), field + " is required");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > Registrations.MAX_PASSWORD_LENGTH) {
            throw new DomainException(
                    InvalidValue.atMost(field, Rule.TOO_MANY_BYTES, Registrations.MAX_PASSWORD_LENGTH),
                    field + " must be at most " + Registrations.MAX_PASSWORD_LENGTH + " bytes long in UTF-8: "
                            + Registrations.MAX_PASSWORD_LENGTH + " plain letters or digits, fewer accented ones");
        }
        if (commonPasswords.contains(password)) {
            throw new DomainException(
                    InvalidValue.of(field, Rule.TOO_COMMON),
                    field + " is one of the most common passwords, which are guessed first; please choose another");
        }
        if (password.strip().equalsIgnoreCase(strip(email)) || password.strip().equalsIgnoreCase(strip(displayName))) {
            throw new DomainException(
                    InvalidValue.of(field, Rule.LIKE_NAME),
                    field + " must not be your email or your name; please choose another");
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
