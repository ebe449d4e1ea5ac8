package io.seatwise.web.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where Axon keeps events and processor positions. The event store is Axon's JDBC event storage engine, with its five aggregate queries rewritten so that "no events yet" is no row
 * rather than a NULL: sqlite-jdbc cannot hand a NULL out as a {@code Long} (it throws "Bad value for type Long"),
 * which broke the head token of every processor on an empty database. The rewritten queries are plain SQL and run
 * unchanged on PostgreSQL.
 */
@Configuration
class EventStoreConfiguration {

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
                .createHeadToken(EventStoreConfiguration::headIndex)
                .createTailToken(EventStoreConfiguration::tailIndex)
                .createTokenAt(EventStoreConfiguration::indexBefore)
                .lastSequenceNumberFor(EventStoreConfiguration::lastSequenceNumber)
                .fetchTrackedEvents(EventStoreConfiguration::firstIndexAfter)
                .build();
    }

    /**
     * On SQLite without {@code FOR UPDATE} ({@link SqliteTokenStore}); elsewhere Axon's own, which locks a token's row
     * while it claims it, under the name of this node when several share the database ({@link ClusterNode}).
     */
    @Bean
    TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            Serializer serializer,
            javax.sql.DataSource dataSource,
            ObjectProvider<ClusterNode> clusterNode)
            throws SQLException {
        var builder = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(new TokenSchema());
        if (isSqlite(dataSource)) {
            return new SqliteTokenStore(builder);
        }
        clusterNode.ifAvailable(node -> builder.nodeId(node.id()));
        return builder.build();
    }

    static boolean isSqlite(javax.sql.DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            return "SQLite".equals(connection.getMetaData().getDatabaseProductName());
        }
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
