package io.seatwise.web.security;

import io.seatwise.web.SeatwiseProperties;
import io.seatwise.web.storage.KeptSecrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that signs API tokens: from {@code SEATWISE_TOKEN_SECRET} (at least {@value #MIN_SECRET_BYTES} bytes, or
 * Seatwise does not start), or else a random secret generated once and kept
 * by the storage under the name {@value #KEPT_AS} ({@link KeptSecrets}: in the data directory on SQLite, in the database on PostgreSQL, where
 * every node must accept the others' tokens), so that tokens survive restarts. Any secret is stretched through
 * SHA-256 to the 256 bits that HS256 asks for.
 */
final class TokenKeys {

    /** The name of the generated secret: the file in the data directory, the row of {@code shared_settings}. */
    static final String KEPT_AS = "token-secret";

    /** HS256's key length: a shorter secret could be guessed, and with it every token forged. */
    static final int MIN_SECRET_BYTES = 32;

    private TokenKeys() {}

    static SecretKey load(SeatwiseProperties properties, KeptSecrets secrets) {
        var secret = properties.tokenSecret();
        if (secret == null || secret.isBlank()) {
            secret = secrets.keptOr(KEPT_AS, randomSecret());
        } else if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("SEATWISE_TOKEN_SECRET is shorter than " + MIN_SECRET_BYTES
                    + " bytes, so tokens signed with it could be forged: set a longer random value (such as the output"
                    + " of 'openssl rand -base64 48'), or unset it to have Seatwise generate one");
        }
        return new SecretKeySpec(sha256(secret), "HmacSHA256");
    }

    private static String randomSecret() {
        var bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
