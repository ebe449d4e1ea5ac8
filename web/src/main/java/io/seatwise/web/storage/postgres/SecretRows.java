package io.seatwise.web.storage.postgres;

import io.seatwise.web.storage.KeptSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each secret a row of the table {@code shared_settings} named as the secret ({@code token-secret}), where every node
 * that shares the database finds it: the first node to start inserts one, and every node reads the one that won.
 */
final class SecretRows implements KeptSecrets {

    private static final Logger log = LoggerFactory.getLogger(SecretRows.class);

    private final JdbcTemplate jdbc;

    SecretRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String keptOr(String name, String generated) {
        int created = jdbc.update(
                "INSERT INTO shared_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                name,
                generated);
        if (created == 1) {
            log.info("Generated the secret {} and stored it in the database, where every node finds it", name);
        }
        return jdbc.queryForObject("SELECT value FROM shared_settings WHERE name = ?", String.class, name);
    }
}
