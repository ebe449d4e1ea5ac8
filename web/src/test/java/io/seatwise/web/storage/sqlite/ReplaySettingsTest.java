package io.seatwise.web.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code replay} profile of {@code seatwise.jar replay} switches SQLite to bulk writes through the application's
 * own configuration files, and bulk writes reach both files' connections.
 */
class ReplaySettingsTest {

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Properties.class);

    @Configuration
    @EnableConfigurationProperties(SqliteProperties.class)
    static class Properties {}

    @Test
    void theReplayProfileSwitchesOnBulkWrites() {
        application
                .withPropertyValues("spring.profiles.active=replay")
                .run(context -> assertThat(
                                context.getBean(SqliteProperties.class).bulkWrites())
                        .isTrue());
    }

    @Test
    void aServiceRunWritesAsUsual() {
        application.run(context ->
                assertThat(context.getBean(SqliteProperties.class).bulkWrites()).isFalse());
    }

    @Test
    void bulkWritesEnlargeTheCacheOfBothFiles(@TempDir Path dataDir) {
        var bulk = SqliteDatabase.url(dataDir, true);
        var usual = SqliteDatabase.url(dataDir, false);

        assertThat(bulk).contains("cache_size=-262144", "wal_autocheckpoint=100000");
        assertThat(SqliteDatabase.attachReadModels(bulk)).contains("PRAGMA read_models.cache_size=-262144");
        assertThat(usual).doesNotContain("cache_size", "wal_autocheckpoint");
        assertThat(SqliteDatabase.attachReadModels(usual)).noneMatch(statement -> statement.contains("cache_size"));
    }
}
