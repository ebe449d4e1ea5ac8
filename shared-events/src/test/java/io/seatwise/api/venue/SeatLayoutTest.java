package io.seatwise.api.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatwise.api.DomainException;
import io.seatwise.api.ErrorCode;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeatLayoutTest {

    @Test
    void capacityIsRowsTimesSeatsPerRow() {
        assertThat(new SeatLayout(12, 20).capacity()).isEqualTo(240);
    }

    @Test
    void smallestLayoutHasOneSeat() {
        assertThat(new SeatLayout(1, 1).capacity()).isOne();
    }

    @Test
    void largestLayoutHoldsFortyThousandSeats() {
        assertThat(new SeatLayout(SeatLayout.MAX_ROWS, SeatLayout.MAX_SEATS_PER_ROW).capacity())
                .isEqualTo(SeatLayout.MAX_CAPACITY)
                .isEqualTo(40_000);
    }

    @ParameterizedTest(name = "{0} rows of {1} seats")
    @CsvSource({"0, 20", "-1, 20", "201, 20", "12, 0", "12, -1", "12, 201", "201, 201", "2147483647, 1"})
    void layoutOutsideTheLimitsIsInvalid(int rows, int seatsPerRow) {
        assertThatThrownBy(() -> new SeatLayout(rows, seatsPerRow))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID));
    }

    @Test
    void refusalSaysWhichLimitWasBroken() {
        assertThatThrownBy(() -> new SeatLayout(12, 201)).hasMessage("seatsPerRow must be between 1 and 200, was 201");
    }

    @Test
    void layoutContainsSeatsOneToCapacity() {
        var layout = new SeatLayout(3, 4);

        assertThat(IntStream.rangeClosed(-1, 14).filter(layout::contains))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 12).boxed().toList());
    }

    @Test
    void seatsAreNumberedRowByRow() {
        var layout = new SeatLayout(3, 4);

        assertThat(layout.rowIndexOf(1)).isZero();
        assertThat(layout.columnOf(1)).isOne();
        assertThat(layout.rowIndexOf(4)).isZero();
        assertThat(layout.columnOf(4)).isEqualTo(4);
        assertThat(layout.rowIndexOf(5)).isOne();
        assertThat(layout.columnOf(5)).isOne();
        assertThat(layout.rowIndexOf(12)).isEqualTo(2);
        assertThat(layout.columnOf(12)).isEqualTo(4);
    }

    @Test
    void seatAtFindsTheSeatOfEveryRowAndColumn() {
        var layout = new SeatLayout(7, 13);

        assertThat(IntStream.rangeClosed(1, layout.capacity()))
                .allSatisfy(seat -> assertThat(layout.seatAt(layout.rowIndexOf(seat), layout.columnOf(seat)))
                        .isEqualTo(seat));
    }

    @ParameterizedTest(name = "row {0} is labelled {1}")
    @CsvSource({"0, A", "1, B", "25, Z", "26, AA", "27, AB", "51, AZ", "52, BA", "199, GR", "701, ZZ", "702, AAA"})
    void rowsAreLabelledLikeSpreadsheetColumns(int rowIndex, String label) {
        assertThat(SeatLayout.rowLabel(rowIndex)).isEqualTo(label);
    }

    @Test
    void everyRowOfTheLargestLayoutHasItsOwnLabel() {
        assertThat(IntStream.range(0, SeatLayout.MAX_ROWS).mapToObj(SeatLayout::rowLabel))
                .doesNotHaveDuplicates()
                .hasSize(SeatLayout.MAX_ROWS);
    }

    @Test
    void seatKnowsTheLabelOfItsRow() {
        var layout = new SeatLayout(30, 10);

        assertThat(layout.rowLabelOf(1)).isEqualTo("A");
        assertThat(layout.rowLabelOf(11)).isEqualTo("B");
        assertThat(layout.rowLabelOf(261)).isEqualTo("AA");
    }
}
