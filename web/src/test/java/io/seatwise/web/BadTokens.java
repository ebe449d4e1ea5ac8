package io.seatwise.web;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Bearer tokens that must not sign anyone in, named for the test report. */
public final class BadTokens {

    /** Makes a bad token against the running application. */
    @FunctionalInterface
    public interface Maker {
        String make(ApiClient api);
    }

    private BadTokens() {}

    public static Stream<Arguments> all() {
        return Stream.of(
                arguments("not a JWT", (Maker) api -> "not-a-token"),
                arguments("empty", (Maker) api -> ""),
                arguments("three parts of garbage", (Maker) api -> "abc.def.ghi"),
                arguments("tampered payload", (Maker) BadTokens::tamperedPayload),
                arguments("unsigned, alg none", (Maker) BadTokens::unsigned),
                arguments("admin token signed with another key", (Maker) api -> signed(randomKey(), inOneHour())),
                arguments("expired, signed with the right key", (Maker) api -> signed(serverKey(), anHourAgo())));
    }

    /**
     * Made exactly like the expired one but still valid, for a real admin account (tokens take their powers from the
     * account's current role): shows that the expired one fails for its expiry alone.
     */
    public static String unexpiredAdminTokenSignedWithTheServerKey(String adminAccountId) {
        return signed(serverKey(), inOneHour(), adminAccountId);
    }

    /** A real user's token whose payload claims the admin role; the signature no longer fits. */
    private static String tamperedPayload(ApiClient api) {
        var parts = api.newUserToken("Tampered").split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"USER\"", "\"ADMIN\"");
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    private static String unsigned(ApiClient api) {
        var parts = api.newUserToken("Unsigned").split("\\.");
        return base64("{\"alg\":\"none\"}") + "." + parts[1] + ".";
    }

    private static String signed(byte[] key, Instant expiresAt) {
        return signed(key, expiresAt, UUID.randomUUID().toString());
    }

    private static String signed(byte[] key, Instant expiresAt, String subject) {
        try {
            var claims = new JWTClaimsSet.Builder()
                    .issuer("seatwise")
                    .subject(subject)
                    .issueTime(Date.from(expiresAt.minus(Duration.ofHours(2))))
                    .expirationTime(Date.from(expiresAt))
                    .claim("roles", List.of("ADMIN", "USER"))
                    .build();
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The application's own signing key, derived as it does from the secret it keeps in the data directory. */
    private static byte[] serverKey() {
        try {
            var secret = Files.readString(ApplicationTest.dataDir.resolve("token-secret"))
                    .strip();
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomKey() {
        return UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.UTF_8);
    }

    private static Instant inOneHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    private static Instant anHourAgo() {
        return Instant.now().minus(Duration.ofHours(1));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
