package io.seatwise.web.infra;

import com.zaxxer.hikari.HikariDataSource;
import io.seatwise.web.SeatwiseProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The database: the SQLite file in {@code SEATWISE_DATA_DIR} unless {@code SPRING_DATASOURCE_URL} names another.
 *
 * <p>SQLite is set up so that concurrent requests never see {@code SQLITE_BUSY}: WAL lets readers run beside the one
 * writer; every transaction begins IMMEDIATE, taking the write lock up front, so that no transaction ever has to
 * upgrade a read lock (which SQLite refuses at once with BUSY instead of waiting); and the busy timeout makes
 * writers queue for the lock instead of failing. Reads run outside transactions and so never queue.
 */
@Configuration
class DataSourceConfiguration {

    static final String DATABASE_FILE = "seatwise.db";
    static final String SQLITE_SETTINGS =
            "journal_mode=WAL&synchronous=NORMAL&busy_timeout=60000&transaction_mode=IMMEDIATE&foreign_keys=true";

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, SeatwiseProperties seatwise) {
        if (!StringUtils.hasText(properties.getUrl())) {
            properties.setUrl(sqliteUrl(seatwise.dataDir()));
            properties.setDriverClassName("org.sqlite.JDBC");
        }
        return properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
    }

    static String sqliteUrl(Path dataDir) {
        var directory = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + directory, e);
        }
        return "jdbc:sqlite:" + directory.resolve(DATABASE_FILE) + "?" + SQLITE_SETTINGS;
    }
}
