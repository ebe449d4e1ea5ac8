package io.seatwise.api.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingIdTest {

    @Test
    void newIdsGrowInTheOrderTheyAreMade() {
        var made = new ArrayList<String>();
        for (int i = 0; i < 10_000; i++) {
            made.add(BookingId.next().value());
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void newIdsAreVersionSevenUuids() {
        var id = UUID.fromString(BookingId.next().value());
        assertThat(id.version()).isEqualTo(7);
    }
}
