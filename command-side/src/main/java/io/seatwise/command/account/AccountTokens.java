package io.seatwise.command.account;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tokens of mailed links (verify an address, reset a password), kept as SHA-256 hashes only: whoever reads the
 * table cannot follow a link. A token is random (256 bits), so a plain hash suffices, and it can be found by its hash.
 * Each is valid for its purpose's time and redeemed at most once, by a conditional update in the transaction of the
 * command that redeems it. How often an account is sent links is bounded here too, so that nobody can fill a
 * mailbox through Seatwise.
 */
@Component
public class AccountTokens {

    /** What a link is for, how long it is valid, and how many an account may be sent in an hour. */
    public enum Purpose {
        VERIFY_EMAIL(Duration.ofDays(7), 5),
        RESET_PASSWORD(Duration.ofHours(1), 3);

        private final Duration validFor;
        private final int perHour;

        Purpose(Duration validFor, int perHour) {
            this.validFor = validFor;
            this.perHour = perHour;
        }

        public Duration validFor() {
            return validFor;
        }
    }

    /** The least time between two links of one purpose to one account. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final JdbcTemplate jdbc;

    AccountTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token for a link: 256 random bits, URL-safe. */
    public static String newToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hash under which a token is kept and found: SHA-256, in hex. */
    public static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The account a token of this purpose was issued to, used or not, expired or not; empty for any other text. */
    public Optional<AccountId> ownerOf(String tokenHash, Purpose purpose) {
        return jdbc
                .queryForList(
                        "SELECT account_id FROM account_tokens WHERE token_hash = ? AND purpose = ?",
                        String.class,
                        tokenHash,
                        purpose.name())
                .stream()
                .map(AccountId::of)
                .findFirst();
    }

    /**
     * Keeps a new token's hash, unless the account was sent a link of this purpose less than {@link #MIN_INTERVAL}
     * ago, or as many as the purpose allows in the last hour ({@code too-many-mails}). Tokens that expired more than a
     * day ago are forgotten.
     */
    void issue(AccountId accountId, Purpose purpose, String tokenHash, Instant now) {
        var recent = jdbc.queryForMap(
                "SELECT count(*) AS sent, max(issued_at) AS latest FROM account_tokens"
                        + " WHERE account_id = ? AND purpose = ? AND issued_at > ?",
                accountId.value(),
                purpose.name(),
                now.minus(Duration.ofHours(1)).toEpochMilli());
        var latest = (Number) recent.get("latest");
        if (((Number) recent.get("sent")).intValue() >= purpose.perHour
                || (latest != null && now.minus(MIN_INTERVAL).toEpochMilli() < latest.longValue())) {
            throw new DomainException(
                    Refusal.Plain.TOO_MANY_MAILS, "A link was mailed to this account a moment ago; please wait");
        }
        jdbc.update(
                "DELETE FROM account_tokens WHERE account_id = ? AND expires_at < ?",
                accountId.value(),
                now.minus(KEPT_AFTER_EXPIRY).toEpochMilli());
        jdbc.update(
                "INSERT INTO account_tokens (token_hash, account_id, purpose, issued_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                tokenHash,
                accountId.value(),
                purpose.name(),
                now.toEpochMilli(),
                now.plus(purpose.validFor).toEpochMilli());
    }

    /** Redeems the token once: true only for an unused, unexpired token of this account and purpose. */
    boolean redeem(AccountId accountId, Purpose purpose, String tokenHash, Instant now) {
        return jdbc.update(
                        "UPDATE account_tokens SET used_at = ? WHERE token_hash = ? AND account_id = ? AND purpose = ?"
                                + " AND used_at IS NULL AND expires_at > ?",
                        now.toEpochMilli(),
                        tokenHash,
                        accountId.value(),
                        purpose.name(),
                        now.toEpochMilli())
                == 1;
    }

    /** Every other link of this purpose that the account was sent stops working. */
    void retireAll(AccountId accountId, Purpose purpose, Instant now) {
        jdbc.update(
                "UPDATE account_tokens SET used_at = ? WHERE account_id = ? AND purpose = ? AND used_at IS NULL",
                now.toEpochMilli(),
                accountId.value(),
                purpose.name());
    }
}
