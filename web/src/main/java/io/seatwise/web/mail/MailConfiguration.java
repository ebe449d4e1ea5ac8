package io.seatwise.web.mail;

import io.seatwise.web.operations.ReplayCommand;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Mail is written by the "mail" processing group and delivered by the {@link Postman} on a schedule. */
@Configuration
@EnableScheduling
class MailConfiguration {

    /**
     * Axon's default logs a failing event handler and moves on, which would lose that mail for good. The mail group
     * instead stops and tries the same events again later, so a mail is delayed, never dropped.
     */
    @Bean
    ConfigurerModule mailHandlersRetryFailures() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(MailProjection.GROUP, c -> PropagatingErrorHandler.instance());
    }

    /** Delivers mail, except in a replay run ({@code java -jar seatwise.jar replay}), which sends nothing. */
    @Configuration
    @ConditionalOnProperty(name = ReplayCommand.REPLAY_RUN, havingValue = "false", matchIfMissing = true)
    static class Delivery implements SchedulingConfigurer {

        private final Postman postman;
        private final MailProperties properties;

        Delivery(Postman postman, MailProperties properties) {
            this.postman = postman;
            this.properties = properties;
        }

        /** A fixed delay: a round starts only after the last one ended, so two never overlap. */
        @Override
        public void configureTasks(ScheduledTaskRegistrar registrar) {
            registrar.addFixedDelayTask(postman::deliverDue, properties.pollInterval());
        }
    }
}
