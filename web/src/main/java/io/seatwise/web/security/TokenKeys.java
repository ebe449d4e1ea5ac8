package io.seatwise.web.security;

import io.seatwise.web.SeatwiseProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that signs API tokens: from {@code SEATWISE_TOKEN_SECRET}, or else a random secret generated once and kept
 * in the data directory, so that tokens survive restarts. Any secret is stretched through SHA-256 to the 256 bits
 * that HS256 asks for.
 */
final class TokenKeys {

    static final String SECRET_FILE = "token-secret";

    private TokenKeys() {}

    static SecretKey load(SeatwiseProperties properties) {
        var secret = properties.tokenSecret();
        if (secret == null || secret.isBlank()) {
            secret = storedSecret(properties.dataDir().resolve(SECRET_FILE));
        }
        return new SecretKeySpec(sha256(secret), "HmacSHA256");
    }

    private static String storedSecret(Path file) {
        try {
            if (!Files.exists(file)) {
                var bytes = new byte[48];
                new SecureRandom().nextBytes(bytes);
                Files.createDirectories(file.getParent());
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
                    restrictToOwner(file);
                } catch (FileAlreadyExistsException raced) {
                    // another node created it first: use theirs
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token secret " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // on a file system without POSIX permissions the directory's own protection has to do
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
