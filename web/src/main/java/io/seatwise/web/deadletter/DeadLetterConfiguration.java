package io.seatwise.web.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;

/**
 * What happens to an event that a processing group's handlers cannot handle: it is parked in the group's dead letter
 * queue, with its cause and how many times it failed, and logged with its stack trace; the processor goes on with the
 * other sequences. A transient failure of the database (a deadlock, a lock wait that timed out) is not parked: the
 * processor tries the batch again, as it would without a queue. The number of letters per group is the gauge {@code seatwise_dead_letters} at
 * {@code /actuator/prometheus}.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    /** Counts each failed attempt in the letter's diagnostics, where the admin page and the API read it. */
    static final EnqueuePolicy<EventMessage<?>> PARK = DeadLetterConfiguration::park;

    @Bean
    ConfigurerModule deadLetterPolicy() {
        return configurer -> configurer.eventProcessing().registerDefaultDeadLetterPolicy(configuration -> PARK);
    }

    @Bean
    MeterBinder deadLetterGauges(DeadLetters deadLetters) {
        return meters -> deadLetters
                .groups()
                .forEach(group -> Gauge.builder("seatwise.dead.letters", deadLetters, letters -> letters.count(group))
                        .tag("group", group)
                        .description(
                                "Events that the processing group could not handle, parked in its dead letter queue")
                        .register(meters));
    }

    private static EnqueueDecision<EventMessage<?>> park(
            DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (isTransient(cause)) {
            // a lock that another transaction held, a deadlock: the processor tries the batch again, as without a queue
            throw cause instanceof RuntimeException failure ? failure : new IllegalStateException(cause);
        }
        var event = letter.message();
        log.warn(
                "Event {} ({}) could not be handled and is parked in the dead letter queue",
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                cause);
        return Decisions.enqueue(ThrowableCause.truncated(cause), parked -> {
            var attempts = parked.diagnostics().get(DeadLetters.ATTEMPTS);
            int before = attempts instanceof Number count ? count.intValue() : 0;
            return parked.diagnostics().and(DeadLetters.ATTEMPTS, before + 1);
        });
    }

    /** A failure that trying again may mend: the database's transient errors, SQL state class 40 among them. */
    static boolean isTransient(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("40")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
