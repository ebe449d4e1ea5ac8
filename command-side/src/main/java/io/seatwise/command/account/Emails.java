package io.seatwise.command.account;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as accounts know them: trimmed, and compared without regard to case. */
public final class Emails {

    public static final int MAX_LENGTH = 254;
    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Emails() {}

    public static String normalize(String email) {
        if (email == null || email.isBlank()) {
            throw new DomainException(InvalidValue.of("email", Rule.REQUIRED), "email is required");
        }
        var trimmed = email.strip();
        if (trimmed.length() > MAX_LENGTH || !PLAUSIBLE.matcher(trimmed).matches()) {
            throw new DomainException(InvalidValue.of("email", Rule.NOT_AN_EMAIL), "email is not a valid address");
        }
        return trimmed;
    }

    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
