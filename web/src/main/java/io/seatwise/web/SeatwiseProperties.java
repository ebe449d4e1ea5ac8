package io.seatwise.web;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
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
 * @param timeZone the zone in which pages show and admins enter event times; the server's zone when unset
 * @param currency the ISO 4217 currency of all prices
 * @param publicUrl where people reach Seatwise; links in mails start with it
 */
@ConfigurationProperties("seatwise")
public record SeatwiseProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Admin admin,
        Boolean demo,
        String tokenSecret,
        @DefaultValue("12h") Duration tokenTtl,
        ZoneId timeZone,
        @DefaultValue("GBP") Currency currency,
        @DefaultValue("http://localhost:8080") URI publicUrl) {

    public ZoneId zone() {
        return timeZone == null ? ZoneId.systemDefault() : timeZone;
    }

    public record Admin(String email, String password) {}
}
