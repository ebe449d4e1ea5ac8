package io.seatwise.web.storage;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.Queries;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Sagas and their deadlines, kept in the database so that both survive restarts and are shared by the nodes of a
 * PostgreSQL cluster: Axon's JDBC saga store over the V1 tables ({@code SagaEntry}, {@code AssociationValueEntry}; on
 * SQLite in the read models' file, since sagas run in the event processors' transactions), and Axon's
 * {@link DbSchedulerDeadlineManager} over db-scheduler's table {@code scheduled_tasks} (V16.1).
 *
 * <p>A deadline is scheduled in the transaction of the saga that schedules it (db-scheduler writes through a
 * transaction-aware data source), so a saga's state and its deadlines are stored together or not at all. Every node
 * polls the table; a due deadline is picked by a conditional update of its row, so one node runs it, and it is
 * removed once it has run. A node that dies while running one leaves it to be run again after the missed heartbeats;
 * the waitlist's and the mails' deadlines are harmless when repeated. A deadline whose handler fails is tried again
 * after {@link #RETRY_AFTER}, not db-scheduler's default of five minutes: an offer must expire on time. Cancelling a
 * deadline that is going off or gone changes nothing and is no failure ({@link ForgivingDeadlineManager}).
 *
 * <p>The deadlines run in the read models' transactions, as the sagas' event handlers do. A command that a saga sends
 * from a deadline is handled as the storage handles commands sent from event handlers (on SQLite, outside this
 * transaction, by {@code sqlite.GroupCommit}).
 */
@Configuration
class SagaStorageConfiguration {

    static final String TABLE = "scheduled_tasks";

    /** How often each node looks for due deadlines: an offer expires at most this late. */
    static final Duration POLLING_INTERVAL = Duration.ofSeconds(1);

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** A running deadline's node says it is alive this often; after 6 missed beats another node runs it again. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    @Bean
    SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .sqlSchema(new GenericSagaSqlSchema())
                .serializer(serializer)
                .build();
    }

    /**
     * Axon's deadline manager on db-scheduler. Its scheduler starts and stops with Axon's event processing (Axon's
     * lifecycle, phase of the inbound connectors); a replay run ({@code replay} profile) runs no deadline.
     */
    @Bean
    DbSchedulerDeadlineManager deadlineManager(
            DataSource dataSource,
            JdbcCustomization deadlineTimes,
            org.axonframework.config.Configuration axon,
            Serializer serializer,
            @Qualifier(ReadModels.QUALIFIER) TransactionManager readModels,
            Environment environment) {
        var manager = new AtomicReference<DbSchedulerDeadlineManager>();
        var axonTask = DbSchedulerDeadlineManager.binaryTask(manager::get);
        var task = Tasks.oneTime(axonTask.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER))
                .execute((instance, context) -> axonTask.execute(instance, context));
        var scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), task)
                .tableName(TABLE)
                .jdbcCustomization(deadlineTimes)
                .threads(2)
                .pollingInterval(POLLING_INTERVAL)
                .heartbeatInterval(HEARTBEAT)
                .build();
        boolean runs = !environment.matchesProfiles("replay");
        manager.set(new ForgivingDeadlineManager(
                DbSchedulerDeadlineManager.builder()
                        .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                        .serializer(serializer)
                        .transactionManager(readModels)
                        .startScheduler(runs)
                        .stopScheduler(true),
                scheduler));
        return manager.get();
    }

    /** PostgreSQL keeps db-scheduler's times as {@code TIMESTAMP WITH TIME ZONE}, as its own schema has them. */
    @Configuration
    @ConditionalOnPostgreSql
    static class OnPostgreSql {

        @Bean
        JdbcCustomization deadlineTimes() {
            return new PostgreSqlJdbcCustomization(false, true);
        }
    }

    /**
     * SQLite has no time type: db-scheduler's times are epoch milliseconds, compared as numbers, rather than whatever
     * the driver makes of a {@code Timestamp}; and its queries say {@code LIMIT}.
     */
    @Configuration
    @ConditionalOnSqlite
    static class OnSqlite {

        @Bean
        JdbcCustomization deadlineTimes() {
            return new EpochMilliseconds();
        }
    }

    static final class EpochMilliseconds extends DefaultJdbcCustomization {

        EpochMilliseconds() {
            super(true);
        }

        @Override
        public String getName() {
            return "SQLite";
        }

        /** SQLite's way ({@code LIMIT n}) rather than the standard's {@code FETCH FIRST}, which it lacks. */
        @Override
        public String getQueryLimitPart(int limit) {
            return Queries.postgresSqlLimitPart(limit);
        }

        @Override
        public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.BIGINT);
            } else {
                statement.setLong(index, value.toEpochMilli());
            }
        }

        @Override
        public Instant getInstant(ResultSet row, String column) throws SQLException {
            long millis = row.getLong(column);
            return row.wasNull() ? null : Instant.ofEpochMilli(millis);
        }
    }
}
