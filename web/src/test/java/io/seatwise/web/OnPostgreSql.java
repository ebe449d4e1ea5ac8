package io.seatwise.web;

import java.sql.SQLException;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs an {@link ApplicationTest} on PostgreSQL instead of SQLite: {@code class PostgresReviewApiTest extends
 * ReviewApiTest implements OnPostgreSql {}} runs every test of the review API again, unchanged, on one fresh PostgreSQL
 * database that all such classes share with their one application. Skipped, saying why, when
 * SEATWISE_TEST_POSTGRES_URL is unset; when it is set and no database can be created there, the tests fail.
 */
@NeedsPostgreSql
public interface OnPostgreSql {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        var database = Shared.DATABASE;
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
    }

    /** The one database of the shared application, created when first needed and dropped when the tests end. */
    final class Shared {

        static final PostgresDatabase DATABASE = create();

        private Shared() {}

        private static PostgresDatabase create() {
            try {
                var database = PostgresDatabase.create("api");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> database.dropWhenUnused(Duration.ofSeconds(20))));
                return database;
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
