package io.seatwise.web.storage.sqlite;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import io.seatwise.web.SeatwiseProperties;
import io.seatwise.web.storage.ConditionalOnSqlite;
import io.seatwise.web.storage.KeptSecrets;
import io.seatwise.web.storage.NodeLock;
import io.seatwise.web.storage.ReadModels;
import io.seatwise.web.storage.SharedMigrationsUpgrade;
import io.seatwise.web.storage.ThrottleBuckets;
import io.seatwise.web.storage.TransactionManagers;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.util.StringUtils;

/**
 * SQLite, one node: the database in {@code SEATWISE_DATA_DIR} unless {@code SPRING_DATASOURCE_URL} names another
 * SQLite file. It is two files ({@link SqliteDatabase}), because SQLite lets one transaction at a time write a file:
 * the processors then never take the event store's writer from the bookings. There are two transaction managers, one
 * per file: the primary one for commands, and {@value ReadModels#QUALIFIER} for the processors and the outbox.
 *
 * <p>SQLite is set up so that concurrent requests never see {@code SQLITE_BUSY}: WAL lets readers run beside the
 * writers, read-write transactions take their file's write lock when they begin ({@link SqliteTransactionManager}),
 * and the busy timeout makes any other writer wait for the lock instead of failing. Reads run outside transactions
 * and so never wait. Commands that wait for the event store's writer are stored together ({@link GroupCommit}).
 *
 * <p>Connections are pooled by Commons DBCP, which also keeps each connection's prepared statements: sqlite-jdbc
 * compiles every statement it is handed, and compiling took more of a replay's time than running them did.
 */
@Configuration
@ConditionalOnSqlite
class SqliteConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SqliteConfiguration.class);

    /**
     * SQLite connections beyond one per request thread: for the event processors, the mail and the snapshots. Every
     * request that writes holds its connection while it queues for SQLite's one writer; with fewer connections than
     * request threads, requests queue for a connection first, and that queue is not first come, first served.
     */
    private static final int BACKGROUND_CONNECTIONS = 16;

    /** Statements kept per connection: every statement the application runs, with room to spare. */
    private static final int STATEMENTS_PER_CONNECTION = 256;

    @Bean
    DataSource dataSource(
            DataSourceProperties properties,
            SeatwiseProperties seatwise,
            SqliteProperties sqlite,
            Environment environment) {
        if (!StringUtils.hasText(properties.getUrl())) {
            properties.setUrl(SqliteDatabase.url(seatwise.dataDir(), sqlite.bulkWrites()));
            properties.setDriverClassName("org.sqlite.JDBC");
        }
        var pool = properties
                .initializeDataSourceBuilder()
                .type(BasicDataSource.class)
                .build();
        var binder = Binder.get(environment);
        var hikari = binder.bindOrCreate("spring.datasource.hikari", HikariSettings.class);
        int requestThreads =
                binder.bind("server.tomcat.threads.max", Integer.class).orElse(200);
        int connections = Math.max(hikari.maximumPoolSize(), requestThreads + BACKGROUND_CONNECTIONS);
        pool.setMaxTotal(connections);
        pool.setMaxIdle(connections);
        pool.setMaxWait(Duration.ofMillis(hikari.connectionTimeout()));
        pool.setConnectionInitSqls(SqliteDatabase.attachReadModels(properties.getUrl()));
        pool.setPoolPreparedStatements(true);
        pool.setMaxOpenPreparedStatements(STATEMENTS_PER_CONNECTION);
        log.info("SQLite pool of up to {} connections", connections);
        return pool;
    }

    /**
     * The pool size and wait of {@code spring.datasource.hikari}, which configure the SQLite pool too, so that one
     * setting sizes the pool whichever database is used.
     */
    record HikariSettings(
            @DefaultValue("8") int maximumPoolSize,
            @DefaultValue("60000") long connectionTimeout) {}

    /** Commands' transactions, which take the event store's write lock up front. */
    @Bean
    @Primary
    JpaTransactionManager transactionManager(
            EntityManagerFactory entityManagerFactory, ObjectProvider<TransactionManagerCustomizers> customizers) {
        return writing("main", "DomainEventEntry", entityManagerFactory, customizers);
    }

    /**
     * The transactions of the event processors and the outbox, which take the read models' write lock up front,
     * beside the commands' writer.
     */
    @Bean
    @Qualifier(ReadModels.QUALIFIER)
    JpaTransactionManager readModelTransactionManager(
            EntityManagerFactory entityManagerFactory, ObjectProvider<TransactionManagerCustomizers> customizers) {
        return writing(SqliteDatabase.READ_MODELS_SCHEMA, "TokenEntry", entityManagerFactory, customizers);
    }

    /** A transaction manager whose transactions write the file known as the schema that has the table. */
    private static JpaTransactionManager writing(
            String schema,
            String table,
            EntityManagerFactory entityManagerFactory,
            ObjectProvider<TransactionManagerCustomizers> customizers) {
        return TransactionManagers.customized(
                new SqliteTransactionManager(entityManagerFactory, schema, table), customizers);
    }

    /** Axon's JDBC token store without {@code FOR UPDATE} ({@link SqliteTokenStore}). */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return new SqliteTokenStore(JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(new TokenSchema()));
    }

    /**
     * The command bus that the gateway and everything else dispatches to: Axon's own (qualified {@code localSegment}
     * as Axon's auto-configuration names it, which keeps it out of the way of this one), behind the group commit.
     */
    @Bean
    @Primary
    GroupCommit groupCommit(
            @Qualifier("localSegment") CommandBus localSegment,
            TransactionManager transactionManager,
            MeterRegistry meters) {
        return new GroupCommit(localSegment, transactionManager, meters);
    }

    /** One node: what must happen once simply runs. */
    @Bean
    NodeLock nodeLock() {
        return (name, work) -> work.run();
    }

    @Bean
    KeptSecrets keptSecrets(SeatwiseProperties properties) {
        return new SecretFiles(properties.dataDir());
    }

    /** One node: the throttles' buckets in its memory; a restart forgets them. */
    @Bean
    ProxyManager<String> throttleBuckets() {
        return ThrottleBuckets.inMemory();
    }

    /** Lets a database of the release before the shared migrations go on migrating. */
    @Bean
    SharedMigrationsUpgrade sharedMigrationsUpgrade() {
        return SharedMigrationsUpgrade.SQLITE;
    }
}
