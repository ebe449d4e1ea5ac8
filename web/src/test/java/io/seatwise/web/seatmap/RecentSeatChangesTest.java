package io.seatwise.web.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.booking.SeatAvailabilityChanged;
import io.seatwise.api.event.EventId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a stream that starts from a map of some version finds among the changes kept. */
class RecentSeatChangesTest {

    private static final EventId GALA = EventId.of("gala");
    private static final EventId MATINEE = EventId.of("matinee");

    private final RecentSeatChanges recent = new RecentSeatChanges();

    @Test
    void aMapFindsTheChangesAfterItsVersionInOrder() {
        recent.add(SeatAvailabilityChanged.booked(GALA, 3, List.of(1, 2)));
        recent.add(SeatAvailabilityChanged.held(GALA, 5, List.of(7)));
        recent.add(SeatAvailabilityChanged.released(GALA, 6, List.of(1, 2)));
        recent.add(SeatAvailabilityChanged.booked(MATINEE, 4, List.of(9)));

        var catchUp = recent.after(GALA, 3);

        assertThat(catchUp.complete()).isTrue();
        assertThat(catchUp.changes())
                .extracting(SeatAvailabilityChanged::version)
                .containsExactly(5L, 6L);
        assertThat(recent.after(GALA, 6).changes()).isEmpty();
        assertThat(recent.after(MATINEE, 0).changes())
                .extracting(SeatAvailabilityChanged::booked)
                .containsExactly(List.of(9));
    }

    @Test
    void anEventWithoutChangesHasNothingToCatchUp() {
        var catchUp = recent.after(GALA, 0);

        assertThat(catchUp.changes()).isEmpty();
        assertThat(catchUp.complete()).isTrue();
    }

    @Test
    void aRedeliveredChangeIsKeptOnce() {
        recent.add(SeatAvailabilityChanged.booked(GALA, 3, List.of(1)));
        recent.add(SeatAvailabilityChanged.booked(GALA, 4, List.of(2)));
        recent.add(SeatAvailabilityChanged.booked(GALA, 3, List.of(1)));

        assertThat(recent.after(GALA, 0).changes())
                .extracting(SeatAvailabilityChanged::version)
                .containsExactly(3L, 4L);
    }

    @Test
    void aMapOlderThanTheChangesKeptIsToldThatSomeAreMissing() {
        for (long version = 1; version <= RecentSeatChanges.PER_EVENT + 10; version++) {
            recent.add(SeatAvailabilityChanged.booked(GALA, version, List.of((int) version)));
        }

        var tooOld = recent.after(GALA, 5);
        var recentEnough = recent.after(GALA, 10);

        assertThat(tooOld.complete()).isFalse();
        assertThat(tooOld.changes()).hasSize(RecentSeatChanges.PER_EVENT);
        assertThat(recentEnough.complete()).isTrue();
        assertThat(recentEnough.changes()).hasSize(RecentSeatChanges.PER_EVENT);
        assertThat(recentEnough.changes().get(0).version()).isEqualTo(11);
    }

    @Test
    void anEventWhoseChangesWereAllLetGoForRoomSaysSo() {
        var events =
                List.of("a", "b", "c", "d", "e", "f").stream().map(EventId::of).toList();
        for (var event : events) {
            for (long version = 1; version <= RecentSeatChanges.PER_EVENT; version++) {
                recent.add(SeatAvailabilityChanged.booked(event, version, List.of(1)));
            }
        }

        var catchUps = events.stream().map(event -> recent.after(event, 0)).toList();

        assertThat(catchUps)
                .as("more changes than are kept in all")
                .anyMatch(catchUp -> !catchUp.complete())
                .allMatch(catchUp -> catchUp.complete() == (catchUp.changes().size() == RecentSeatChanges.PER_EVENT));
        assertThat(events)
                .allMatch(event ->
                        recent.after(event, RecentSeatChanges.PER_EVENT).complete());
    }
}
