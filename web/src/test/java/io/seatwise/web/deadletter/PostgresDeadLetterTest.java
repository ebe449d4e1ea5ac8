package io.seatwise.web.deadletter;

import io.seatwise.web.NeedsPostgreSql;
import io.seatwise.web.PostgresDatabase;
import java.sql.SQLException;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link DeadLetterTest} on PostgreSQL, where the poison's refused statement also refuses every later statement of the
 * processor's transaction until it is rolled back to the event's savepoint. On a database of its own: an application
 * without the poison on the same database would be another node that takes the catalog's segments.
 */
@NeedsPostgreSql
class PostgresDeadLetterTest extends DeadLetterTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        var database = PostgresDatabase.create("dead_letters");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> database.dropWhenUnused(Duration.ofSeconds(20))));
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
    }
}
