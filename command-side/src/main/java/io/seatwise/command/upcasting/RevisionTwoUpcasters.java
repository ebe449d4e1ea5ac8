package io.seatwise.command.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueCreated;
import java.util.function.UnaryOperator;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Reads the events stored before halls had layouts (revision 1) as revision 2. Then a venue was a plain grid of
 * {@code rows} × {@code seatsPerRow} with one price per event, and a booking did not record its price: it cost the
 * event's one price per seat, which could not change.
 * <ul>
 *   <li>{@link VenueCreated}: the grid becomes its layout (SPEC §1: one section "Main", one category {@code S});
 *   <li>{@link EventScheduled}: the same, with {@code prices} of {@code {"S": priceCents}} and single seats allowed;
 *   <li>{@link SeatsBooked}: {@code centsByCategory} is null, so readers price it by its event.
 * </ul>
 * Axon runs them on every read of the event store (aggregates, processors, replay); stored events never change.
 */
@Configuration
public class RevisionTwoUpcasters {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Bean
    @Order(1)
    SingleEventUpcaster venueCreatedRevisionTwo() {
        return new ToRevisionTwo(VenueCreated.class, payload -> {
            var layout = gridOf(payload);
            payload.remove("rows");
            payload.remove("seatsPerRow");
            payload.set("layout", layout);
            return payload;
        });
    }

    @Bean
    @Order(2)
    SingleEventUpcaster eventScheduledRevisionTwo() {
        return new ToRevisionTwo(EventScheduled.class, payload -> {
            var layout = gridOf(payload);
            var prices = MAPPER.createObjectNode()
                    .put(SeatLayout.STANDARD.code(), payload.path("priceCents").asLong());
            payload.remove("rows");
            payload.remove("seatsPerRow");
            payload.remove("priceCents");
            payload.set("prices", prices);
            payload.set("layout", layout);
            payload.put("singleSeatRule", "allow");
            return payload;
        });
    }

    @Bean
    @Order(3)
    SingleEventUpcaster seatsBookedRevisionTwo() {
        return new ToRevisionTwo(SeatsBooked.class, payload -> payload.putNull("centsByCategory"));
    }

    private static JsonNode gridOf(ObjectNode payload) {
        var grid = SeatLayout.grid(
                payload.path("rows").asInt(), payload.path("seatsPerRow").asInt());
        return MAPPER.valueToTree(grid);
    }

    /** Turns revision 1 of one event type into revision 2 by changing its JSON payload. */
    static final class ToRevisionTwo extends SingleEventUpcaster {

        private final SimpleSerializedType revisionOne;
        private final SimpleSerializedType revisionTwo;
        private final UnaryOperator<ObjectNode> change;

        ToRevisionTwo(Class<?> type, UnaryOperator<ObjectNode> change) {
            this.revisionOne = new SimpleSerializedType(type.getName(), "1");
            this.revisionTwo = new SimpleSerializedType(type.getName(), "2");
            this.change = change;
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return revisionOne.equals(representation.getType());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(
                    revisionTwo, JsonNode.class, payload -> change.apply(((ObjectNode) payload).deepCopy()));
        }
    }
}
