package io.seatwise.web.storage.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.seatwise.web.storage.ConditionalOnPostgreSql;
import io.seatwise.web.storage.KeptSecrets;
import io.seatwise.web.storage.NodeLock;
import io.seatwise.web.storage.ReadModels;
import io.seatwise.web.storage.SharedMigrationsUpgrade;
import io.seatwise.web.storage.TransactionManagers;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;

/**
 * PostgreSQL, which several nodes may share ({@code SPRING_DATASOURCE_URL=jdbc:postgresql://…}). HikariCP pools the
 * connections (PostgreSQL keeps each connection's prepared statements itself), and commands and event processors
 * have Spring's usual JPA transactions, both on the one database, which takes every writer.
 *
 * <p>Several nodes on one PostgreSQL database. Each node is an ordinary Seatwise process; they share the event store,
 * the token store and every table, and nothing else: no node talks to another. What changes against a single node:
 *
 * <ul>
 *   <li>each node has a name of its own in the token store ({@link ClusterNode}), so that its claims are its own;
 *   <li>a node looks for events stored by the others every {@code seatwise.cluster.event-poll-interval} (its own it
 *       sees at once), so that every node's read models, and so its pages, follow within a fraction of a second;
 *   <li>a command that lost a race against another node (the unique key of aggregate and sequence number refused its
 *       events, and Axon dropped the aggregate from this node's cache) is tried again on fresh state, and only when
 *       it keeps losing is it answered as a conflict (409);
 *   <li>claims on processor segments are spread over the live nodes ({@link ProcessorBalancer});
 *   <li>what must happen once, such as the first start's seeding, runs under an advisory lock
 *       ({@link AdvisoryNodeLock}), and the generated secrets (the token secret, the
 *       tickets' key) are rows that every node reads ({@link SecretRows});
 *   <li>the throttles' buckets are rows too, so that a client counts the same on every node ({@link BucketRows}).
 * </ul>
 */
@Configuration
@ConditionalOnPostgreSql
class PostgresConfiguration {

    @Bean
    HikariDataSource dataSource(DataSourceProperties properties, Environment environment) {
        var pool = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        return pool;
    }

    /** Commands' transactions. */
    @Bean
    @Primary
    JpaTransactionManager transactionManager(
            EntityManagerFactory entityManagerFactory, ObjectProvider<TransactionManagerCustomizers> customizers) {
        return TransactionManagers.customized(new JpaTransactionManager(entityManagerFactory), customizers);
    }

    /** The event processors' and the outbox's transactions: the same database as the commands'. */
    @Bean
    @Qualifier(ReadModels.QUALIFIER)
    JpaTransactionManager readModelTransactionManager(
            EntityManagerFactory entityManagerFactory, ObjectProvider<TransactionManagerCustomizers> customizers) {
        return TransactionManagers.customized(new JpaTransactionManager(entityManagerFactory), customizers);
    }

    /** Axon's own token store, which locks a token's row while it claims it, under this node's name. */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, ClusterNode node) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(new TokenSchema())
                .nodeId(node.id())
                .build();
    }

    @Bean
    NodeLock nodeLock(JdbcTemplate jdbc) {
        return new AdvisoryNodeLock(jdbc);
    }

    @Bean
    KeptSecrets keptSecrets(JdbcTemplate jdbc) {
        return new SecretRows(jdbc);
    }

    @Bean(destroyMethod = "close")
    BucketRows bucketRows(DataSource dataSource) {
        return new BucketRows(dataSource);
    }

    /** The throttles' buckets, shared by every node ({@link BucketRows}). */
    @Bean
    ProxyManager<String> throttleBuckets(BucketRows rows) {
        return rows.buckets();
    }

    @Bean
    ClusterNode clusterNode() {
        return ClusterNode.random();
    }

    @Bean
    EventStore eventStore(
            EventStorageEngine storageEngine,
            org.axonframework.config.Configuration configuration,
            ClusterProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.eventPollInterval().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    /**
     * The command bus that the gateway and everything else dispatches to: Axon's own (qualified {@code localSegment}),
     * deciding again on the stored events what this node's cache may have decided on stale state ({@link
     * FreshDecisions}).
     */
    @Bean
    @Primary
    FreshDecisions freshDecisions(
            @Qualifier("localSegment") CommandBus localSegment, @Qualifier("seatMapCache") Cache seatMapCache) {
        return new FreshDecisions(localSegment, seatMapCache);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetries() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Only a lost race is tried again: every cause in the failure must be the concurrency error or the database's
     * refusal behind it. A refusal by the aggregate itself (seats taken, not allowed) is an answer, not a failure.
     */
    @Bean
    CommandGateway commandGateway(
            CommandBus commandBus, ClusterProperties properties, ScheduledExecutorService commandRetries) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetries)
                        .retryInterval((int) properties.commandRetryInterval().toMillis())
                        .maxRetryCount(properties.commandRetries())
                        .nonTransientFailurePredicate(failure ->
                                !(failure instanceof ConcurrencyException || failure instanceof SQLException))
                        .build())
                .build();
    }

    /** Lets a database of the release before the shared migrations go on migrating. */
    @Bean
    SharedMigrationsUpgrade sharedMigrationsUpgrade() {
        return SharedMigrationsUpgrade.POSTGRESQL;
    }
}
