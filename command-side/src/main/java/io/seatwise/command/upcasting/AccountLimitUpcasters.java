package io.seatwise.command.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatwise.api.event.EventEdited;
import io.seatwise.api.event.EventScheduled;
import java.util.function.UnaryOperator;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Reads the events stored before events had a limit of seats per account:
 * <ul>
 *   <li>{@link EventScheduled} of revision 2 as revision 3 with {@code maxSeatsPerAccount} 0: those events were put on
 *       sale without a limit, and people who booked many seats under that rule keep them and may book more;
 *   <li>{@link EventEdited} of revision 1 as revision 2 with {@code maxSeatsPerAccount} null: such an edit left the
 *       limit as it was.
 * </ul>
 * They run after {@link RevisionTwoUpcasters}, so an event of revision 1 goes through both.
 */
@Configuration
public class AccountLimitUpcasters {

    @Bean
    @Order(5)
    SingleEventUpcaster eventScheduledRevisionThree() {
        return new NextRevision(EventScheduled.class, "2", "3", payload -> payload.put("maxSeatsPerAccount", 0));
    }

    @Bean
    @Order(6)
    SingleEventUpcaster eventEditedRevisionTwo() {
        return new NextRevision(EventEdited.class, "1", "2", payload -> payload.putNull("maxSeatsPerAccount"));
    }

    /** Turns one revision of one event type into the next by changing its JSON payload. */
    static final class NextRevision extends SingleEventUpcaster {

        private final SimpleSerializedType from;
        private final SimpleSerializedType to;
        private final UnaryOperator<ObjectNode> change;

        NextRevision(Class<?> type, String fromRevision, String toRevision, UnaryOperator<ObjectNode> change) {
            this.from = new SimpleSerializedType(type.getName(), fromRevision);
            this.to = new SimpleSerializedType(type.getName(), toRevision);
            this.change = change;
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return from.equals(representation.getType());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(
                    to, JsonNode.class, payload -> change.apply(((ObjectNode) payload).deepCopy()));
        }
    }
}
