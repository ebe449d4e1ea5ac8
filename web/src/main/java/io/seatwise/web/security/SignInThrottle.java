package io.seatwise.web.security;

import io.seatwise.web.throttle.ThrottleProperties;
import io.seatwise.web.throttle.Throttles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing on the sign-in form and the token endpoint alike, without ever locking the right
 * person out. Two buckets ({@link Throttles}): each client (address) may try to sign in so often with any accounts
 * ({@code SEATWISE_THROTTLE_SIGN_INS}), and each client may give so many wrong passwords for one account
 * ({@code SEATWISE_THROTTLE_WRONG_PASSWORDS}, 5 in 15 minutes). An attacker who guesses one account's password from
 * one address must wait; its owner, signing in from another, never counts the attacker's failures.
 *
 * <p>Every attempt takes one wrong password before the password is checked, so that parallel guesses cannot pass the
 * limit together; the right password gives the account's failures from that client back. A refused attempt checks
 * no password at all: a guesser must not learn that a guess was right. Accounts count by the email as typed, known or
 * not, so the answer tells nothing about which emails exist.
 */
@Component
public class SignInThrottle {

    /** Request attribute holding the whole minutes a refused sign-in must wait, for the sign-in page. */
    public static final String WAIT_MINUTES_ATTRIBUTE = "io.seatwise.signIn.waitMinutes";

    static final String SIGN_INS = "sign-in";
    static final String WRONG_PASSWORDS = "wrong-password";

    private final Throttles throttles;
    private final ThrottleProperties limits;

    SignInThrottle(Throttles throttles, ThrottleProperties limits) {
        this.throttles = throttles;
        this.limits = limits;
    }

    /** Whole seconds for a Retry-After header, rounded up so that a client which waits that long is let in. */
    public static long retryAfterSeconds(Duration wait) {
        return Throttles.retryAfterSeconds(wait);
    }

    /**
     * Counts an attempt to sign in from the client; answers how long it must wait when it may not try now, and then
     * the password must not be checked.
     */
    public Optional<Duration> attempt(String email, String client) {
        var wait = throttles.take(SIGN_INS, client, limits.signIns());
        if (wait.isPresent()) {
            return wait;
        }
        return throttles.take(WRONG_PASSWORDS, accountAndClient(email, client), limits.wrongPasswords());
    }

    /** The password was right: the client's wrong passwords for the account are forgiven. */
    public void succeeded(String email, String client) {
        throttles.forget(WRONG_PASSWORDS, accountAndClient(email, client));
    }

    /** The account as typed, hashed so that no typed address is kept, and the client's address. */
    private static String accountAndClient(String email, String client) {
        var account = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(account.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + ":" + client;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
