package io.seatwise.web;

import static io.seatwise.web.SeededProperties.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeededPropertiesTest {

    @Test
    void aFailingPropertyNamesTheSeedTheTryAndTheInput() {
        assertThatThrownBy(() -> forAll(
                        42L,
                        1_000,
                        Gen.ints(0, 1_000),
                        value -> assertThat(value).isLessThan(1_000)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("with seed 42")
                .hasMessageContaining("-Dseatwise.seed=42")
                .hasMessageEndingWith("for the input: 1000");
    }

    @Test
    void theSameSeedGivesTheSameInputs() {
        var strings = Gen.strings(Gen.anyChar(), 0, 30).list(0, 5);
        assertThat(strings.next(new Random(7))).isEqualTo(strings.next(new Random(7)));
    }

    @Test
    void numbersStayWithinTheirBoundsAndReachBoth() {
        var seen = new HashSet<Long>();
        forAll(500, Gen.longs(Long.MIN_VALUE, 0), value -> {
            assertThat(value).isLessThanOrEqualTo(0);
            seen.add(value);
        });
        assertThat(seen).contains(Long.MIN_VALUE, 0L);
        var huge = new ArrayList<BigInteger>();
        forAll(500, Gen.bigIntegers(BigInteger.valueOf(201), BigInteger.TEN.pow(30)), huge::add);
        assertThat(huge)
                .allMatch(value ->
                        value.compareTo(BigInteger.valueOf(201)) >= 0 && value.compareTo(BigInteger.TEN.pow(30)) <= 0);
        assertThat(huge).anyMatch(value -> value.bitLength() < 20).anyMatch(value -> value.bitLength() > 90);
    }

    @Test
    void uniqueListsHaveNoRepeats() {
        forAll(
                200,
                Gen.ints(3, 25).uniqueList(11, 23),
                list -> assertThat(list).doesNotHaveDuplicates().hasSizeBetween(11, 23));
    }
}
