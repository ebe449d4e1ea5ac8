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
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionManager;
import org.springframework.util.StringUtils;

/**
 * The database: SQLite in {@code SEATWISE_DATA_DIR} unless {@code SPRING_DATASOURCE_URL} names another.
 *
 * <p>On SQLite the database is two files, because SQLite lets one transaction at a time write a file: {@code
 * seatwise.db} holds what commands write (the event store, snapshots, the account directory and the booking ledger),
 * and {@code seatwise-read-models.db} beside it what the event processors write (the read models, their positions in
 * the event stream, the mail outbox). Every connection attaches the second file as {@value Databases#READ_MODELS_SCHEMA}, so
 * that each table is found by its name alone and queries do not care where it lives; the processors then never take
 * the event store's writer from the bookings. There are two transaction managers, one per file: the primary one for
 * commands, and {@link Databases#READ_MODELS} for the processors and the outbox.
 *
 * <p>SQLite is set up so that concurrent requests never see {@code SQLITE_BUSY}: WAL lets readers run beside the
 * writers, read-write transactions take their file's write lock when they begin ({@link SqliteTransactionManager}),
 * and the busy timeout makes any other writer wait for the lock instead of failing. Reads run outside transactions
 * and so never wait.
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
     * once the WAL has grown to 400 MB instead of 4 MB, so that a page changed by several transactions is copied back
     * into the database once.
     */
    private static final String REPLAY_CACHE_SIZE = "cache_size=-262144";

    static final String SQLITE_REPLAY_SETTINGS = "&" + REPLAY_CACHE_SIZE + "&wal_autocheckpoint=100000";

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
            pool.setConnectionInitSqls(attachReadModels(properties.getUrl()));
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

    /**
     * The statements that attach the read models' file to each new connection, with the settings that the URL gives
     * the event store's file: SQLite keeps the journal mode, the sync mode and the page cache per file.
     */
    static List<String> attachReadModels(String url) {
        var eventStore = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*", ""));
        var schema = Databases.READ_MODELS_SCHEMA;
        var statements = new ArrayList<String>();
        statements.add(Databases.attachReadModels(eventStore));
        statements.add("PRAGMA " + schema + ".journal_mode=WAL");
        statements.add("PRAGMA " + schema + ".synchronous=NORMAL");
        if (url.contains(SQLITE_REPLAY_SETTINGS)) {
            statements.add("PRAGMA " + schema + "." + REPLAY_CACHE_SIZE);
        }
        return statements;
    }

    /**
     * Commands' transactions. On SQLite they take the event store's write lock up front; elsewhere they are Spring's
     * usual JPA transactions.
     */
    @Bean
    @Primary
    JpaTransactionManager transactionManager(
            EntityManagerFactory entityManagerFactory,
            javax.sql.DataSource dataSource,
            ObjectProvider<TransactionManagerCustomizers> customizers)
            throws SQLException {
        return writing("main", "DomainEventEntry", entityManagerFactory, dataSource, customizers);
    }

    /**
     * The transactions of the event processors and the outbox. On SQLite they take the read models' write lock up
     * front, beside the commands' writer; on PostgreSQL, where one database takes every writer, they are the same as
     * the commands' transactions.
     */
    @Bean
    @Qualifier(Databases.READ_MODELS)
    JpaTransactionManager readModelTransactionManager(
            EntityManagerFactory entityManagerFactory,
            javax.sql.DataSource dataSource,
            ObjectProvider<TransactionManagerCustomizers> customizers)
            throws SQLException {
        return writing(Databases.READ_MODELS_SCHEMA, "TokenEntry", entityManagerFactory, dataSource, customizers);
    }

    /** A transaction manager whose transactions, on SQLite, write the file known as the schema that has the table. */
    private static JpaTransactionManager writing(
            String schema,
            String table,
            EntityManagerFactory entityManagerFactory,
            javax.sql.DataSource dataSource,
            ObjectProvider<TransactionManagerCustomizers> customizers)
            throws SQLException {
        var transactionManager = EventStoreConfiguration.isSqlite(dataSource)
                ? new SqliteTransactionManager(entityManagerFactory, schema, table)
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
