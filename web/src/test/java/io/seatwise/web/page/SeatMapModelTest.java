package io.seatwise.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.booking.SeatAvailability;
import io.seatwise.api.event.EventId;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.SeatLayout.Category;
import io.seatwise.api.venue.SeatLayout.Category.Kind;
import io.seatwise.api.venue.SeatLayout.Row;
import io.seatwise.api.venue.SeatLayout.Section;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a hall too big to show whole is cut into blocks: never across sections, counting seats and not gaps. */
class SeatMapModelTest {

    /**
     * Stalls: 30 rows of 30 seats, an aisle of two, 30 seats (seats 1-1800); Circle: 10 rows of a restricted-view seat,
     * 40 standard seats and another restricted-view seat (1801-2220).
     */
    private static final SeatLayout HALL = new SeatLayout(
            List.of(new Category("S", "Standard", null), new Category("R", "Restricted view", Kind.RESTRICTED)),
            List.of(
                    new Section("Stalls", rows(30, "S".repeat(30) + ".." + "S".repeat(30))),
                    new Section("Circle", rows(10, "R" + "S".repeat(40) + "R"))));

    private static final Map<String, Long> PRICES = Map.of("S", 2500L, "R", 1500L);

    @Test
    void blocksOfABigHallStayWithinTheirSectionAndCountOnlySeats() {
        var map = map(new BitSet(), Set.of(), null, null);

        assertThat(map.blocks()).hasSize(6);
        assertThat(map.blocks())
                .extracting(SeatMapModel.Block::sectionName)
                .containsExactly("Stalls", "Stalls", "Stalls", "Stalls", "Circle", "Circle");
        assertThat(map.blocks()).extracting(SeatMapModel.Block::capacity).containsExactly(450, 450, 450, 450, 210, 210);
        assertThat(map.blocks().get(4).firstRow()).as("the circle's first row").isEqualTo(30);
        assertThat(map.blocks().get(1).firstColumn()).isEqualTo(32);
        assertThat(map.blocksBySectionAndBand()).hasSize(2);
        assertThat(map.blocksBySectionAndBand().get(0)).hasSize(2);
        assertThat(map.shown().number()).isEqualTo(1);
    }

    @Test
    void theBlockShownIsTheOneOfTheSeatAskedForOrOfTheFirstSelectedSeat() {
        var booked = new BitSet();
        booked.set(31); // the first seat right of the stalls' aisle

        assertThat(map(booked, Set.of(), null, 31).shown().number()).isEqualTo(2);
        assertThat(map(booked, Set.of(), null, 31).shown().available()).isEqualTo(449);
        assertThat(map(booked, Set.of(2220, 1801), null, null).shown().number()).isEqualTo(5);
        assertThat(map(booked, Set.of(), 6, 31).shown().number()).isEqualTo(6);
    }

    @Test
    void aSmallHallIsShownWholeAndTheTotalPricesEachSeatByItsCategory() {
        var small = new SeatLayout(
                HALL.categories(),
                List.of(new Section("Stalls", rows(2, "SS.SS")), new Section("Circle", rows(1, "RSSR"))));
        var booked = new BitSet();
        booked.set(3);
        var map = SeatMapModel.of(
                SeatAvailability.of(EventId.of("gala"), small, booked), PRICES, Set.of(1, 3, 9, 12), null, null);

        assertThat(map.sectioned()).isFalse();
        assertThat(map.shown().whole()).isTrue();
        assertThat(map.selectedCents()).as("seat 3 was booked meanwhile").isEqualTo(2500 + 1500 + 1500);
        assertThat(map.categories())
                .extracting(SeatMapModel.PricedCategory::styleClass)
                .containsExactly("sw-cat-0", "sw-cat-1 sw-restricted");
    }

    private static SeatMapModel map(BitSet booked, Set<Integer> selected, Integer block, Integer seat) {
        return SeatMapModel.of(SeatAvailability.of(EventId.of("gala"), HALL, booked), PRICES, selected, block, seat);
    }

    private static List<Row> rows(int count, String seats) {
        var rows = new ArrayList<Row>();
        for (int i = 0; i < count; i++) {
            rows.add(new Row(SeatLayout.rowLabel(i), seats));
        }
        return rows;
    }
}
