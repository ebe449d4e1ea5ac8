package io.seatwise.command.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatwise.api.account.AccountRegistered;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Reads the accounts opened before addresses were verified ({@link AccountRegistered} of revision 2, and of revision
 * 1 after {@link AccountLanguageUpcaster}) as revision 3 with a verified address: they booked and reviewed without a
 * link, and an upgrade must not lock them out. The directory's rows of those accounts are verified by migration V13.
 */
@Configuration
public class EmailVerifiedUpcaster {

    @Bean
    @Order(13)
    SingleEventUpcaster accountRegisteredRevisionThree() {
        return new AccountRegisteredRevisionThree();
    }

    static final class AccountRegisteredRevisionThree extends SingleEventUpcaster {

        private static final SimpleSerializedType REVISION_TWO =
                new SimpleSerializedType(AccountRegistered.class.getName(), "2");
        private static final SimpleSerializedType REVISION_THREE =
                new SimpleSerializedType(AccountRegistered.class.getName(), "3");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return REVISION_TWO.equals(representation.getType());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(
                    REVISION_THREE,
                    JsonNode.class,
                    payload -> ((ObjectNode) payload).deepCopy().put("emailVerified", true));
        }
    }
}
