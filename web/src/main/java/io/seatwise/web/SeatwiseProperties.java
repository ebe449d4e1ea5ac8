package io.seatwise.web;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Seatwise's own settings; each can be set as an environment variable (SEATWISE_DATA_DIR, SEATWISE_ADMIN_EMAIL, …).
 *
 * @param dataDir where the SQLite database and the generated token secret live
 * @param admin the first admin, created at start when missing
 * @param demo whether to seed demo data into an empty database; unset means "on the first start"
 * @param tokenSecret signs API tokens; generated once into the data directory when unset
 * @param tokenTtl how long an API token is valid
 */
@ConfigurationProperties("seatwise")
public record SeatwiseProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Admin admin,
        Boolean demo,
        String tokenSecret,
        @DefaultValue("12h") Duration tokenTtl) {

    public record Admin(String email, String password) {}
}
