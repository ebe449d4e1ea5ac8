package io.seatwise.command.upcasting;

import io.seatwise.api.account.AccountRegistered;
import io.seatwise.api.account.Language;
import io.seatwise.command.upcasting.RevisionTwoUpcasters.ToRevisionTwo;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Reads the accounts opened before accounts had a language ({@link AccountRegistered} of revision 1) as revision 2,
 * in English: the only language Seatwise mailed in until then, and the language its pages fell back to.
 */
@Configuration
public class AccountLanguageUpcaster {

    @Bean
    @Order(4)
    SingleEventUpcaster accountRegisteredRevisionTwo() {
        return new ToRevisionTwo(AccountRegistered.class, payload -> payload.put("language", Language.EN.code()));
    }
}
