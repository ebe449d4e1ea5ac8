package io.seatwise.web.storage.sqlite;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.seatwise.api.DomainException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.NoOpCallback;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command bus on SQLite: Axon's own, behind a group commit. Commands that arrive while another is being stored
 * are stored together, in one transaction, and each sender is answered once its command is stored, as by Axon's bus.
 * Features send their commands through Axon's {@code CommandGateway} as usual and never see this.
 *
 * <p>SQLite writes the event store one transaction at a time. With a transaction per command, each command queued for
 * the writer and was woken when its turn came; on two busy cores that hand-over took about as long as storing the
 * command, and a storm of bookings left the writer idle a third of the time with thirty bookings waiting for it. Here
 * a command that finds another being stored joins a queue instead. The command whose turn it is leads: it takes the
 * writer once, lets each queued command be handled after the other by Axon's bus in a unit of work nested in one of
 * its own, so that each is decided by its aggregate as before and sees the ones before it, commits them together,
 * answers them and hands the lead to the next command in the queue.
 *
 * <p>Every command sent outside a unit of work is batched, whatever its aggregate: bookings and cancellations, but
 * also new venues, events, accounts and reviews. A command sent inside a command's unit of work (by a command handler,
 * or by the booking ledger, which handles events in the command's transaction) goes straight to Axon's bus and joins
 * the unit of work it was sent in. A command sent while an event processor or a deadline handles its message (a saga)
 * is batched like one from outside, by a thread of its own, while the sender waits for its answer: that unit of work's
 * transaction writes the read models' file, and the command's events belong in the event store's, which no
 * transaction writes together with the other. Creating an aggregate that
 * exists already, or twice in one batch, fails the batch as a whole (a duplicate key, or Axon's check of the
 * aggregates a unit of work holds), and then the rule below answers it exactly as a command sent alone.
 *
 * <p>If a batch fails as a whole (a command fails otherwise than by being refused with a {@link DomainException}, or
 * the commit fails), nothing of it is stored, Axon drops its aggregates from the cache, and every command of the batch
 * is sent again on its own, so that a failure answers only the request that caused it.
 *
 * <p>Dispatch interceptors run on the sender's thread before its command queues; handler interceptors are Axon's bus's.
 */
final class GroupCommit implements CommandBus {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** More commands than Tomcat has threads never wait at once; the bound only keeps a batch's memory small. */
    private static final int MAX_BATCH = 64;

    private final CommandBus commandBus;
    private final TransactionManager transactionManager;
    private final DistributionSummary batchSizes;
    private final Counter failedBatches;
    private final List<MessageDispatchInterceptor<? super CommandMessage<?>>> dispatchInterceptors =
            new CopyOnWriteArrayList<>();

    /** Sends the commands of event processors and deadlines outside their units of work (see above). */
    private final ExecutorService outside = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "group-commit-from-handlers");
        thread.setDaemon(true);
        return thread;
    });

    private final ReentrantLock queueLock = new ReentrantLock();
    private final ArrayDeque<WaitingCommand> queue = new ArrayDeque<>();
    private boolean leading;

    /**
     * @param commandBus Axon's bus, which handles each command in a unit of work of its own, or nested in the
     *     batch's
     * @param transactionManager the commands' transactions, which write the event store
     */
    GroupCommit(CommandBus commandBus, TransactionManager transactionManager, MeterRegistry meters) {
        this.commandBus = commandBus;
        this.transactionManager = transactionManager;
        this.batchSizes = DistributionSummary.builder("seatwise.group.commit.commands")
                .description("Commands stored by one transaction of the group commit")
                .register(meters);
        this.failedBatches = Counter.builder("seatwise.group.commit.failed")
                .description("Batches that failed as a whole, whose commands were then sent again one by one")
                .register(meters);
    }

    /** How many commands wait for the one being stored now. */
    int waiting() {
        queueLock.lock();
        try {
            return queue.size();
        } finally {
            queueLock.unlock();
        }
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, NoOpCallback.INSTANCE);
    }

    /**
     * Returns once the command is decided and stored, having answered the callback, as Axon's bus does; inside a
     * command's unit of work, hands the command to Axon's bus at once.
     */
    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        var intercepted = intercept(command);
        if (CurrentUnitOfWork.isStarted()) {
            if (CurrentUnitOfWork.get().root().getMessage() instanceof EventMessage<?>) {
                var answered = new CompletableFuture<Void>();
                outside.execute(() -> {
                    try {
                        queueAndStore(intercepted, callback);
                    } finally {
                        answered.complete(null);
                    }
                });
                answered.join();
            } else {
                commandBus.dispatch(intercepted, callback);
            }
            return;
        }
        queueAndStore(intercepted, callback);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <C, R> void queueAndStore(CommandMessage<C> intercepted, CommandCallback<? super C, ? super R> callback) {
        var waiting = new WaitingCommand(intercepted);
        queueLock.lock();
        try {
            if (leading) {
                queue.add(waiting);
            } else {
                leading = true;
                waiting.turn = WaitingCommand.Turn.LEAD;
            }
        } finally {
            queueLock.unlock();
        }
        waiting.awaitTurn();
        if (waiting.turn == WaitingCommand.Turn.LEAD) {
            lead(waiting);
        }
        ((CommandCallback) callback).onResult(intercepted, waiting.answer());
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return commandBus.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
        return commandBus.registerHandlerInterceptor(interceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        dispatchInterceptors.add(interceptor);
        return () -> dispatchInterceptors.remove(interceptor);
    }

    @SuppressWarnings("unchecked")
    private <C> CommandMessage<C> intercept(CommandMessage<C> command) {
        CommandMessage<C> intercepted = command;
        for (var interceptor : dispatchInterceptors) {
            intercepted = (CommandMessage<C>) interceptor.handle(intercepted);
        }
        return intercepted;
    }

    private void lead(WaitingCommand leader) {
        var batch = new ArrayList<WaitingCommand>();
        batch.add(leader);
        try {
            store(batch);
        } finally {
            WaitingCommand next;
            queueLock.lock();
            try {
                next = queue.poll();
                leading = next != null;
            } finally {
                queueLock.unlock();
            }
            batch.stream()
                    .filter(waiting -> waiting != leader)
                    .forEach(waiting -> waiting.wake(WaitingCommand.Turn.ANSWERED));
            if (next != null) {
                next.wake(WaitingCommand.Turn.LEAD);
            }
        }
    }

    /**
     * Takes the writer, then every command that queued up meanwhile, and stores them together; or, if that fails, each
     * on its own.
     */
    private void store(List<WaitingCommand> batch) {
        var unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("group commit"));
        var stored = new AtomicBoolean();
        try {
            // Commit handlers run last registered first: this one after the transaction's, once it has committed.
            unitOfWork.onCommit(committed -> stored.set(true));
            unitOfWork.attachTransaction(transactionManager);
            takeQueued(batch);
            batchSizes.record(batch.size());
            for (var waiting : batch) {
                waiting.result = handle(waiting.command);
                if (waiting.result.isExceptional() && !(waiting.result.exceptionResult() instanceof DomainException)) {
                    throw new BatchFailed(waiting.result.exceptionResult());
                }
            }
            unitOfWork.commit();
            return;
        } catch (RuntimeException | Error failure) {
            if (stored.get()) {
                // stored and so decided: the answers stand, whatever failed after the commit
                log.warn("A batch of {} commands was stored, then failed: {}", batch.size(), failure.toString());
                return;
            }
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(failure);
            }
        }
        // Nothing of the batch is stored: each command is decided again, on its own.
        failedBatches.increment();
        for (var waiting : batch) {
            waiting.result = sendAlone(waiting.command);
        }
    }

    private void takeQueued(List<WaitingCommand> batch) {
        queueLock.lock();
        try {
            while (batch.size() < MAX_BATCH && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
        } finally {
            queueLock.unlock();
        }
    }

    /** Handles the command in a unit of work nested in the batch's, which stores it when the batch commits. */
    private CommandResultMessage<?> handle(CommandMessage<?> command) {
        var answer = new AtomicReference<CommandResultMessage<?>>();
        commandBus.dispatch(command, (message, result) -> answer.set(result));
        return answer.get();
    }

    private CommandResultMessage<?> sendAlone(CommandMessage<?> command) {
        var answer = new CompletableFuture<CommandResultMessage<?>>();
        commandBus.dispatch(command, (message, result) -> answer.complete(result));
        return answer.join();
    }

    private static final class BatchFailed extends RuntimeException {

        BatchFailed(Throwable cause) {
            super("A command of the batch failed", cause, false, false);
        }
    }
}
