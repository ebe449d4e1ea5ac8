package io.seatwise.web.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The database is chosen once, by its URL; a URL of neither database stops the start with the reason. */
class DatabaseChoiceTest {

    private final ApplicationContextRunner application =
            new ApplicationContextRunner().withUserConfiguration(StorageConfiguration.class);

    @Test
    void aUrlOfAnotherDatabaseIsRefusedAtStart() {
        application
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:seatwise?secret=1")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("must name a SQLite (jdbc:sqlite:) or a PostgreSQL")
                        .hasMessageEndingWith("jdbc:h2:mem:seatwise"));
    }
}
