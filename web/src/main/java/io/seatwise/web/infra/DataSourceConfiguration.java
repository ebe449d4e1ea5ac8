package io.seatwise.web.infra;

import com.zaxxer.hikari.HikariDataSource;
import io.seatwise.web.SeatwiseProperties;
import io.seatwise.web.operations.ReplayCommand;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
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
 *
 * <p>SQLite connections are pooled by Commons DBCP, which also keeps each connection's prepared statements: sqlite-jdbc
 * compiles every statement it is handed, and compiling took more of a replay's time than running them did. PostgreSQL
 * keeps its own prepared statements per connection, so there HikariCP pools as usual.
 */
@Configuration
class DataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);

    static final String DATABASE_FILE = "seatwise.db";

    /**
     * Every connection's settings. sqlite-jdbc would otherwise ask for the generated keys after every insert, which
     * nothing here reads: every table's key is assigned by the application.
     */
    static final String SQLITE_SETTINGS =
            "journal_mode=WAL&synchronous=NORMAL&busy_timeout=60000&foreign_keys=true&jdbc.get_generated_keys=false";

    /**
     * SQLite connections beyond one per request thread: for the event processors, the mail and the snapshots. Every
     * request that writes holds its connection while it queues for SQLite's one writer; with fewer connections than
     * request threads, requests queue for a connection first, and that queue is not first come, first served.
     */
    private static final int BACKGROUND_CONNECTIONS = 16;

    /** Statements kept per connection: every statement the application runs, with room to spare. */
    private static final int STATEMENTS_PER_CONNECTION = 256;

    /**
     * For {@code seatwise.jar replay}, which rewrites every read model in large transactions: a page cache that holds
     * what a transaction changes (SQLite's default of 2 MB would spill it to the WAL on the way), and checkpoints
     * once the WAL has grown to 80 MB instead of 4 MB, so that a page changed by several transactions is copied back
     * into the database once.
     */
    static final String SQLITE_REPLAY_SETTINGS = "&cache_size=-262144&wal_autocheckpoint=20000";

    @Bean
    DataSource dataSource(DataSourceProperties properties, SeatwiseProperties seatwise, Environment environment) {
        var binder = Binder.get(environment);
        if (!StringUtils.hasText(properties.getUrl())) {
            boolean replay =
                    binder.bind(ReplayCommand.REPLAY_RUN, Boolean.class).orElse(false);
            properties.setUrl(sqliteUrl(seatwise.dataDir()) + (replay ? SQLITE_REPLAY_SETTINGS : ""));
            properties.setDriverClassName("org.sqlite.JDBC");
        }
        if (properties.getUrl().startsWith("jdbc:sqlite:")) {
            var pool = properties
                    .initializeDataSourceBuilder()
                    .type(BasicDataSource.class)
                    .build();
            var hikari = binder.bindOrCreate("spring.datasource.hikari", HikariSettings.class);
            int requestThreads =
                    binder.bind("server.tomcat.threads.max", Integer.class).orElse(200);
            int connections = Math.max(hikari.maximumPoolSize(), requestThreads + BACKGROUND_CONNECTIONS);
            pool.setMaxTotal(connections);
            pool.setMaxIdle(connections);
            pool.setMaxWait(Duration.ofMillis(hikari.connectionTimeout()));
            pool.setPoolPreparedStatements(true);
            pool.setMaxOpenPreparedStatements(STATEMENTS_PER_CONNECTION);
            log.info("SQLite pool of up to {} connections", connections);
            return pool;
        }
        var pool = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        binder.bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        return pool;
    }

    /**
     * The pool size and wait of {@code spring.datasource.hikari}, which configure the SQLite pool too, so that one
     * setting sizes the pool whichever database is used.
     */
    record HikariSettings(
            @DefaultValue("8") int maximumPoolSize,
            @DefaultValue("60000") long connectionTimeout) {}

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
