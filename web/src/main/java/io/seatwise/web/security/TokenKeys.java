package io.seatwise.web.security;

import io.seatwise.web.SeatwiseProperties;
import io.seatwise.web.infra.Databases;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The key that signs API tokens: from {@code SEATWISE_TOKEN_SECRET}, or else a random secret generated once, so that
 * tokens survive restarts. On SQLite it is kept in the data directory. On PostgreSQL, where several nodes may share
 * the database and each must accept the others' tokens, it is kept in the database (table {@code shared_settings}):
 * the first node to start inserts one, and every node reads the one that won. Any secret is stretched through SHA-256
 * to the 256 bits that HS256 asks for.
 */
final class TokenKeys {

    static final String SECRET_FILE = "token-secret";
    static final String SHARED_SETTING = "token-secret";

    private static final Logger log = LoggerFactory.getLogger(TokenKeys.class);

    private TokenKeys() {}

    static SecretKey load(SeatwiseProperties properties, JdbcTemplate jdbc) {
        var secret = properties.tokenSecret();
        if (secret == null || secret.isBlank()) {
            secret = Databases.isSqlite(jdbc.getDataSource())
                    ? storedSecret(properties.dataDir().resolve(SECRET_FILE))
                    : sharedSecret(jdbc);
        }
        return new SecretKeySpec(sha256(secret), "HmacSHA256");
    }

    private static String sharedSecret(JdbcTemplate jdbc) {
        int created = jdbc.update(
                "INSERT INTO shared_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                SHARED_SETTING,
                randomSecret());
        if (created == 1) {
            log.info("Generated the token secret and stored it in the database, where every node finds it");
        }
        return jdbc.queryForObject("SELECT value FROM shared_settings WHERE name = ?", String.class, SHARED_SETTING);
    }

    private static String randomSecret() {
        var bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String storedSecret(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                try {
                    Files.writeString(file, randomSecret());
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
