package io.seatwise.web.storage.postgres;

import io.seatwise.api.DomainException;
import io.seatwise.api.waitlist.CloseWaitlist;
import io.seatwise.api.waitlist.ExpireOffer;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * The command bus on PostgreSQL: Axon's own, deciding on what is stored when this node's cached seat map may have
 * missed another node's events. A stale seat map that stores events collides with the other node's on the event
 * store's unique key, and the gateway tries again; but a decision that stores nothing collides with nothing. So a
 * refusal (a seat that another node's cancellation freed, an offer or a booking made on the other node, a ticket
 * booked there) evicts the seat map from the cache and is decided once more on the stored events, and the commands
 * that deadlines send, which store nothing when they find nothing to do ({@link ExpireOffer}, {@link CloseWaitlist}),
 * are decided on the stored events from the start. Without it, an offer made on one node and run out on the other
 * was never expired, and its seats stayed held.
 */
final class FreshDecisions implements CommandBus {

    private static final Set<Class<?>> QUIET_WHEN_NOTHING_TO_DO = Set.of(ExpireOffer.class, CloseWaitlist.class);

    private final CommandBus commandBus;
    private final Cache seatMaps;
    private final CommandTargetResolver targets =
            AnnotationCommandTargetResolver.builder().build();

    FreshDecisions(CommandBus commandBus, Cache seatMaps) {
        this.commandBus = commandBus;
        this.seatMaps = seatMaps;
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, (message, result) -> {});
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        var target = cachedSeatMap(command);
        if (target.isPresent() && QUIET_WHEN_NOTHING_TO_DO.contains(command.getPayloadType())) {
            seatMaps.remove(target.get());
        }
        commandBus.<C, R>dispatch(command, (message, result) -> {
            if (result.isExceptional()
                    && refused(result.exceptionResult())
                    && target.isPresent()
                    && seatMaps.remove(target.get())) {
                commandBus.dispatch(command, callback);
            } else {
                callback.onResult(message, result);
            }
        });
    }

    private Optional<String> cachedSeatMap(CommandMessage<?> command) {
        try {
            var target = targets.resolveTarget(command).getIdentifier();
            return seatMaps.containsKey(target) ? Optional.of(target) : Optional.empty();
        } catch (IllegalArgumentException noTarget) {
            return Optional.empty();
        }
    }

    private static boolean refused(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException) {
                return true;
            }
        }
        return false;
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
        return commandBus.registerDispatchInterceptor(interceptor);
    }
}
