package io.seatwise.web.mail;

import io.seatwise.web.SeatwiseProperties;
import io.seatwise.web.ticket.TicketDocuments;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Mail is written by the "mail" processing group and delivered by the {@link Postman} on a schedule. */
@Configuration
@EnableScheduling
class MailConfiguration {

    /**
     * Axon's default logs a failing event handler and moves on, which would lose that mail for good. With its dead
     * letter queue (on in {@code application.yml}) the group parks such an event for an admin to retry; without it, it
     * stops and tries the same events again later. Either way a mail is delayed, never dropped.
     */
    @Bean
    ConfigurerModule mailHandlersRetryFailures() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(MailProjection.GROUP, c -> PropagatingErrorHandler.instance());
    }

    /**
     * The tickets' PDF and calendar entry, for the confirmation mail and the booking's own routes. Made here because
     * the calendar entry lasts as long as an event counts as running for the mails ({@code event-duration}).
     */
    @Bean
    TicketDocuments ticketDocuments(MessageSource messages, SeatwiseProperties seatwise, MailProperties properties) {
        return new TicketDocuments(messages, seatwise.zone(), properties.eventDuration());
    }

    /** Delivers mail, except in a replay run (profile {@code replay}: {@code seatwise.jar replay}), which sends none. */
    @Configuration
    @Profile("!replay")
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
