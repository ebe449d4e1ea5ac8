package io.seatwise.command.booking;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's processor runs in the committing transaction (mode {@code subscribing} in application.yml). By default
 * Axon logs a failing event handler and carries on, which would commit the events without their ledger rows; here
 * the failure propagates, so the command fails and nothing is stored.
 */
@Configuration
class BookingLedgerConfiguration {

    @Bean
    ConfigurerModule bookingLedgerFailuresFailTheCommand() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(
                        BookingLedger.GROUP, configuration -> PropagatingErrorHandler.instance())
                .registerErrorHandler(BookingLedger.GROUP, configuration -> PropagatingErrorHandler.instance()));
    }
}
