package io.seatwise.web.storage;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.Session;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A savepoint around each event that a processor with a dead letter queue hands to its handlers, so that an event
 * parked in the queue leaves nothing behind: a processor handles a batch of events in one transaction, and a handler
 * that failed half-way would otherwise commit its first writes with the events around it. On PostgreSQL it matters
 * even more: after a failed statement the database refuses every further one in the transaction, the letter and the
 * processor's token included, and the batch would fail again on every retry.
 *
 * <p>Axon's dead-lettering invoker catches the handler's failure before it reaches any interceptor, and asks its
 * enqueue policy what to do; {@link #undoingFailed} wraps that policy so that it first rolls back to the savepoint, and
 * the letter is then written in the same transaction as the events around it and the token. When a letter is tried
 * again, the failure does reach this interceptor, which rolls back the same way.
 *
 * <p>JPA's pending changes are flushed before each savepoint when the transaction holds entities (the catalog writes
 * entities: a booking's change of an event's figures is then written with each booking rather than once per batch),
 * and the persistence context is cleared with a rollback, so that nothing of the failed event is flushed later.
 */
final class EventSavepoints implements MessageHandlerInterceptor<EventMessage<?>> {

    private final DataSource dataSource;
    private final EntityManagerFactory entityManagers;
    private final ThreadLocal<Deque<Mark>> marks = ThreadLocal.withInitial(ArrayDeque::new);

    EventSavepoints(DataSource dataSource, EntityManagerFactory entityManagers) {
        this.dataSource = dataSource;
        this.entityManagers = entityManagers;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return chain.proceed();
        }
        var entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers);
        if (entityManager != null && holdsEntities(entityManager)) {
            entityManager.flush();
        }
        var connection = DataSourceUtils.getConnection(dataSource);
        var mark = new Mark(connection, connection.setSavepoint(), entityManager);
        marks.get().push(mark);
        try {
            return chain.proceed();
        } catch (Exception | Error failure) {
            mark.undo();
            throw failure;
        } finally {
            marks.get().pop();
            try {
                connection.releaseSavepoint(mark.savepoint);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    /** Whether JPA manages any entity in the transaction: most groups write with JDBC only, and need no flush. */
    private static boolean holdsEntities(EntityManager entityManager) {
        return entityManager.unwrap(Session.class).getStatistics().getEntityCount() > 0;
    }

    /** The policy, after the writes of the event that failed have been undone. */
    EnqueuePolicy<EventMessage<?>> undoingFailed(EnqueuePolicy<EventMessage<?>> policy) {
        return (letter, cause) -> {
            var current = marks.get().peek();
            if (current != null) {
                current.undo();
            }
            return policy.decide(letter, cause);
        };
    }

    /** One event's savepoint. */
    private static final class Mark {

        private final Connection connection;
        private final Savepoint savepoint;
        private final EntityManager entityManager;
        private boolean undone;

        Mark(Connection connection, Savepoint savepoint, EntityManager entityManager) {
            this.connection = connection;
            this.savepoint = savepoint;
            this.entityManager = entityManager;
        }

        void undo() {
            if (undone) {
                return;
            }
            undone = true;
            try {
                connection.rollback(savepoint);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not undo the writes of an event that failed", e);
            }
            if (entityManager != null) {
                entityManager.clear();
            }
        }
    }
}
