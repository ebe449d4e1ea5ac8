package io.seatwise.web.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What both databases share: Axon's JDBC event store and its transactions, over the data source and the transaction
 * managers that the configuration of the database in use builds ({@code sqlite.SqliteConfiguration} or
 * {@code postgres.PostgresConfiguration}). The event store is Axon's JDBC event storage engine, with its five aggregate queries rewritten so that "no events yet" is no row
 * rather than a NULL: sqlite-jdbc cannot hand a NULL out as a {@code Long} (it throws "Bad value for type Long"),
 * which broke the head token of every processor on an empty database. The rewritten queries are plain SQL and run
 * unchanged on PostgreSQL.
 */
@Configuration
class StorageConfiguration {

    /** Any other URL would start with neither database's configuration: say so rather than fail somewhere later. */
    StorageConfiguration(Environment environment) {
        var url = OnPostgreSql.url(environment);
        if (!url.isEmpty()
                && !url.startsWith(OnPostgreSql.SQLITE_PREFIX)
                && !url.startsWith(OnPostgreSql.POSTGRESQL_PREFIX)) {
            throw new IllegalStateException("SPRING_DATASOURCE_URL must name a SQLite (jdbc:sqlite:) or a PostgreSQL"
                    + " (jdbc:postgresql:) database, not " + url.replaceFirst("\\?.*", ""));
        }
    }

    /** Commands' units of work, in the transactions that write the event store. */
    @Bean
    @Primary
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** The event processors' units of work, in the transactions that write the read models. */
    @Bean
    @Qualifier(ReadModels.QUALIFIER)
    TransactionManager readModelAxonTransactionManager(
            @Qualifier(ReadModels.QUALIFIER) PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * Every streaming processor writes the read models. The booking ledger, which is written in the transaction of
     * the command that stores the events, is a subscribing processor and has no transactions of its own.
     */
    @Bean
    ConfigurerModule processorsWriteTheReadModels(@Qualifier(ReadModels.QUALIFIER) TransactionManager readModels) {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerDefaultTransactionManager(configuration -> readModels));
    }

    /**
     * The read models' transactions for code outside the event processors (the mail outbox, the offline replay): the
     * only bean of Spring's standard type, so that such code needs no qualifier. It stands in for Spring Boot's own
     * template, which would run in the commands' transactions.
     */
    @Bean
    TransactionOperations readModelTransactions(
            @Qualifier(ReadModels.QUALIFIER) PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SqlitePersistenceExceptionResolver();
    }

    /**
     * Axon's JDBC components take their connection from the Spring transaction that each unit of work runs in.
     * Axon's default also ties the connection to the unit of work and closes it once more when that cleans up, after
     * the transaction has already given it back to the pool; HikariCP may by then have lent it to another thread,
     * whose open statements that second close forgets, failing that thread's next query.
     */
    @Bean
    ConnectionProvider connectionProvider(javax.sql.DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /**
     * The engine opens no transactions of its own. Appends and snapshots always run inside the transaction of the
     * command or the snapshotter, which the connection provider joins; what the engine would otherwise wrap in a
     * transaction are the reads of the processors' event streams, and on SQLite every read-write transaction waits
     * for the one writer: the stream that feeds the read models would queue behind every booking.
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            ConnectionProvider connectionProvider,
            org.axonframework.config.Configuration configuration) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(NoTransactionManager.INSTANCE)
                .dataType(byte[].class)
                .schema(new EventSchema())
                .createHeadToken(StorageConfiguration::headIndex)
                .createTailToken(StorageConfiguration::tailIndex)
                .createTokenAt(StorageConfiguration::indexBefore)
                .lastSequenceNumberFor(StorageConfiguration::lastSequenceNumber)
                .fetchTrackedEvents(StorageConfiguration::firstIndexAfter)
                .build();
    }

    private static PreparedStatement headIndex(Connection connection, EventSchema schema) throws SQLException {
        var index = schema.globalIndexColumn();
        return connection.prepareStatement("SELECT max(" + index + ") FROM " + schema.domainEventTable()
                + " HAVING max(" + index + ") IS NOT NULL");
    }

    private static PreparedStatement tailIndex(Connection connection, EventSchema schema) throws SQLException {
        var index = schema.globalIndexColumn();
        return connection.prepareStatement("SELECT min(" + index + ") - 1 FROM " + schema.domainEventTable()
                + " HAVING min(" + index + ") IS NOT NULL");
    }

    private static PreparedStatement indexBefore(Connection connection, EventSchema schema, java.time.Instant at)
            throws SQLException {
        var index = schema.globalIndexColumn();
        var statement = connection.prepareStatement("SELECT min(" + index + ") - 1 FROM " + schema.domainEventTable()
                + " WHERE " + schema.timestampColumn() + " >= ? HAVING min(" + index + ") IS NOT NULL");
        statement.setString(1, DateTimeUtils.formatInstant(at));
        return statement;
    }

    private static PreparedStatement firstIndexAfter(Connection connection, EventSchema schema, long after)
            throws SQLException {
        var index = schema.globalIndexColumn();
        var statement = connection.prepareStatement("SELECT min(" + index + ") FROM " + schema.domainEventTable()
                + " WHERE " + index + " > ? HAVING min(" + index + ") IS NOT NULL");
        statement.setLong(1, after);
        return statement;
    }

    private static PreparedStatement lastSequenceNumber(Connection connection, EventSchema schema, String aggregateId)
            throws SQLException {
        var sequence = schema.sequenceNumberColumn();
        var statement = connection.prepareStatement("SELECT max(" + sequence + ") FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ? HAVING max(" + sequence + ") IS NOT NULL");
        statement.setString(1, aggregateId);
        return statement;
    }
}
