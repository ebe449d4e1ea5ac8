package io.seatwise.command.review;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * By default Axon logs a failing event handler and goes on, which would lose the withdrawal for good (the group is
 * never replayed); here the failure propagates, so the processor tries the batch again, and a withdrawal that was
 * stored already is not stored twice ({@link Review} withdraws once).
 */
@Configuration
class ReviewWithdrawalsConfiguration {

    @Bean
    ConfigurerModule reviewWithdrawalsAreRetried() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerListenerInvocationErrorHandler(
                ReviewWithdrawals.GROUP, configuration -> PropagatingErrorHandler.instance()));
    }
}
