package io.seatwise.web.infra;

import com.zaxxer.hikari.HikariDataSource;
import io.seatwise.web.SeatwiseProperties;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionManager;
import org.springframework.util.StringUtils;

/**
 * The database: the SQLite file in {@code SEATWISE_DATA_DIR} unless {@code SPRING_DATASOURCE_URL} names another.
 *
 * <p>SQLite is set up so that concurrent requests never see {@code SQLITE_BUSY}: WAL lets readers run beside the one
 * writer, read-write transactions take the write lock when they begin ({@link SqliteTransactionManager}), and the
 * busy timeout makes any other writer wait for the lock instead of failing. Reads run outside transactions and so
 * never wait.
 */
@Configuration
class DataSourceConfiguration {

    static final String DATABASE_FILE = "seatwise.db";
    static final String SQLITE_SETTINGS = "journal_mode=WAL&synchronous=NORMAL&busy_timeout=60000&foreign_keys=true";

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

    /** On SQLite, transactions that take the write lock up front; elsewhere Spring's usual JPA transactions. */
    @Bean
    JpaTransactionManager transactionManager(
            EntityManagerFactory entityManagerFactory,
            javax.sql.DataSource dataSource,
            ObjectProvider<TransactionManagerCustomizers> customizers)
            throws SQLException {
        var transactionManager = EventStoreConfiguration.isSqlite(dataSource)
                ? new SqliteTransactionManager(entityManagerFactory)
                : new JpaTransactionManager(entityManagerFactory);
        customizers.ifAvailable(each -> each.customize((TransactionManager) transactionManager));
        return transactionManager;
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
