package io.seatwise.web.storage.postgres;

import io.seatwise.web.storage.TokenSecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The token secret in the database (table {@code shared_settings}), where every node that shares it finds it: the
 * first node to start inserts one, and every node reads the one that won.
 */
final class TokenSecretRow implements TokenSecretStore {

    static final String SHARED_SETTING = "token-secret";

    private static final Logger log = LoggerFactory.getLogger(TokenSecretRow.class);

    private final JdbcTemplate jdbc;

    TokenSecretRow(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String keptOr(String generated) {
        int created = jdbc.update(
                "INSERT INTO shared_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                SHARED_SETTING,
                generated);
        if (created == 1) {
            log.info("Generated the token secret and stored it in the database, where every node finds it");
        }
        return jdbc.queryForObject("SELECT value FROM shared_settings WHERE name = ?", String.class, SHARED_SETTING);
    }
}
