package io.seatwise.web;

import java.sql.SQLException;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs an {@link ApplicationTest} on PostgreSQL, as {@link OnPostgreSql} does, but on a fresh database of its own: for
 * tests whose application differs from the shared one (its own SMTP server, its own clock). Two such applications on
 * one database share its processors' segments as nodes do, so the other application's postman could take this one's
 * mail and send it to another SMTP server, or keep it unsent; a test waiting for the mail would wait in vain.
 */
@NeedsPostgreSql
public interface OnOwnPostgreSql {

    @DynamicPropertySource
    static void ownPostgres(DynamicPropertyRegistry registry) {
        try {
            var database = PostgresDatabase.create("own");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> database.dropWhenUnused(Duration.ofSeconds(20))));
            registry.add("spring.datasource.url", database::url);
            registry.add("spring.datasource.username", database::user);
            registry.add("spring.datasource.password", database::password);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
