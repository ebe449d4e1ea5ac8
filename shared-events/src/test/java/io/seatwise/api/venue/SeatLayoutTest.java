package io.seatwise.api.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatwise.api.DomainException;
import io.seatwise.api.ErrorCode;
import io.seatwise.api.InvalidLayout;
import io.seatwise.api.venue.SeatLayout.Category;
import io.seatwise.api.venue.SeatLayout.Row;
import io.seatwise.api.venue.SeatLayout.Section;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeatLayoutTest {

    @Test
    void capacityIsRowsTimesSeatsPerRow() {
        assertThat(SeatLayout.grid(12, 20).capacity()).isEqualTo(240);
    }

    @Test
    void smallestLayoutHasOneSeat() {
        assertThat(SeatLayout.grid(1, 1).capacity()).isOne();
    }

    @Test
    void largestLayoutHoldsFortyThousandSeats() {
        assertThat(SeatLayout.grid(SeatLayout.MAX_ROWS, SeatLayout.MAX_SEATS_PER_ROW)
                        .capacity())
                .isEqualTo(SeatLayout.MAX_CAPACITY)
                .isEqualTo(40_000);
    }

    @ParameterizedTest(name = "{0} rows of {1} seats")
    @CsvSource({"0, 20", "-1, 20", "201, 20", "12, 0", "12, -1", "12, 201", "201, 201", "2147483647, 1"})
    void layoutOutsideTheLimitsIsInvalid(int rows, int seatsPerRow) {
        assertThatThrownBy(() -> SeatLayout.grid(rows, seatsPerRow))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID));
    }

    @Test
    void refusalSaysWhichLimitWasBroken() {
        assertThatThrownBy(() -> SeatLayout.grid(12, 201)).hasMessage("seatsPerRow must be between 1 and 200, was 201");
    }

    @Test
    void layoutContainsSeatsOneToCapacity() {
        var layout = SeatLayout.grid(3, 4);

        assertThat(IntStream.rangeClosed(-1, 14).filter(layout::contains))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 12).boxed().toList());
    }

    @Test
    void seatsAreNumberedRowByRow() {
        var layout = SeatLayout.grid(3, 4);

        assertThat(layout.rowIndexOf(1)).isZero();
        assertThat(layout.place(1).number()).isOne();
        assertThat(layout.rowIndexOf(4)).isZero();
        assertThat(layout.place(4).number()).isEqualTo(4);
        assertThat(layout.rowIndexOf(5)).isOne();
        assertThat(layout.place(5).number()).isOne();
        assertThat(layout.rowIndexOf(12)).isEqualTo(2);
        assertThat(layout.place(12).number()).isEqualTo(4);
    }

    @Test
    void plainGridIsOneSectionMainWithOneStandardCategory() {
        var layout = SeatLayout.grid(7, 13);

        assertThat(layout.sections())
                .singleElement()
                .satisfies(section -> assertThat(section.name()).isEqualTo("Main"));
        assertThat(layout.categories()).containsExactly(new Category("S", "Standard", Category.Kind.STANDARD));
        assertThat(layout.plainGrid()).isTrue();
        assertThat(layout.rowCount()).isEqualTo(7);
        assertThat(layout.widestRow()).isEqualTo(13);
        assertThat(IntStream.rangeClosed(1, layout.capacity()))
                .allSatisfy(seat -> assertThat(
                                layout.placedRow(layout.rowIndexOf(seat)).firstSeat()
                                        + layout.place(seat).number()
                                        - 1)
                        .isEqualTo(seat));
    }

    @Test
    void seatsOfAHallAreNumberedInReadingOrderSkippingGaps() {
        var layout = hall();

        assertThat(layout.capacity()).isEqualTo(10 + 12 + 12);
        assertThat(layout.plainGrid()).isFalse();
        assertThat(layout.label(1)).isEqualTo("Stalls, Row A, Seat 1");
        assertThat(layout.place(1).category().kind()).isEqualTo(Category.Kind.WHEELCHAIR);
        assertThat(layout.place(2).category().kind()).isEqualTo(Category.Kind.COMPANION);
        assertThat(layout.label(3)).isEqualTo("Stalls, Row A, Seat 3");
        assertThat(layout.categoryOf(3)).isEqualTo("P");
        assertThat(layout.label(11)).isEqualTo("Stalls, Row B, Seat 1");
        assertThat(layout.label(15)).isEqualTo("Stalls, Row B, Seat 5");
        assertThat(layout.label(23)).isEqualTo("Circle, Row A, Seat 1");
        assertThat(layout.categoryOf(23)).isEqualTo("R");
        assertThat(layout.label(34)).isEqualTo("Circle, Row A, Seat 12");
        assertThat(layout.contains(35)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an undefined category | SSX",
                "no seats | ...",
                "no positions | ''",
            })
    void rowsMustUseDefinedCategoriesAndHoldASeat(String problem, String seats) {
        assertThatThrownBy(() -> new SeatLayout(
                        List.of(SeatLayout.STANDARD), List.of(new Section("Main", List.of(new Row("A", seats))))))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refusal -> assertThat(refusal.refusal()).isInstanceOf(InvalidLayout.class));
    }

    @Test
    void rowLabelsAreUniqueWithinASection() {
        assertThatThrownBy(() -> new SeatLayout(
                        List.of(SeatLayout.STANDARD),
                        List.of(new Section("Main", List.of(new Row("A", "SS"), new Row("A", "SS"))))))
                .hasMessageContaining("two rows labelled A");
    }

    @Test
    void layoutRoundTripsThroughJson() throws Exception {
        var mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder().build();

        var json = mapper.writeValueAsString(hall());

        assertThat(json).doesNotContain("capacity").contains("\"kind\":\"wheelchair\"");
        assertThat(mapper.readValue(json, SeatLayout.class)).isEqualTo(hall());
    }

    static SeatLayout hall() {
        return new SeatLayout(
                List.of(
                        new Category("P", "Premium", null),
                        new Category("S", "Standard", null),
                        new Category("R", "Restricted view", Category.Kind.RESTRICTED),
                        new Category("W", "Wheelchair space", Category.Kind.WHEELCHAIR),
                        new Category("C", "Companion seat", Category.Kind.COMPANION)),
                List.of(
                        new Section("Stalls", List.of(new Row("A", "WC..PPPPPP..CW"), new Row("B", "SSS.SSSSSS.SSS"))),
                        new Section("Circle", List.of(new Row("A", "RSSSSSSSSSSR")))));
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
        var layout = SeatLayout.grid(30, 10);

        assertThat(layout.place(1).row()).isEqualTo("A");
        assertThat(layout.place(11).row()).isEqualTo("B");
        assertThat(layout.place(261).row()).isEqualTo("AA");
    }
}
