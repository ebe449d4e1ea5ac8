package io.seatwise.api.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookingReferenceTest {

    @Test
    void aBookingsReferenceFollowsFromItsIdAndReadsInThreeGroups() {
        var id = BookingId.of("01a2375b-ab87-7b17-9a90-8b17ca087099");

        var reference = BookingReference.of(id);

        assertThat(reference).isEqualTo(BookingReference.of(BookingId.of(id.value())));
        assertThat(reference.toString()).matches("[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}");
        assertThat(reference.value()).doesNotContain("0", "O", "1", "I", "L");
    }

    @Test
    void referencesOfManyBookingsDifferAndUseTheWholeAlphabet() {
        var references = new HashSet<String>();
        var used = new HashSet<Character>();
        for (int i = 0; i < 20_000; i++) {
            var reference = BookingReference.of(BookingId.next()).value();
            references.add(reference);
            reference.chars().forEach(c -> used.add((char) c));
        }

        assertThat(references).hasSize(20_000);
        assertThat(used).hasSize(BookingReference.ALPHABET.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"K7P-3QX-9M2", "k7p3qx9m2", " K7P 3QX 9M2 ", "k7p-3qx-9M2"})
    void aTypedReferenceIsReadInAnyCaseWithOrWithoutItsDashes(String typed) {
        assertThat(BookingReference.parse(typed)).hasValue(new BookingReference("K7P3QX9M2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K7P-3QX-9M", "K7P-3QX-9M22", "K0P-3QX-9M2", "K7P-3QX-9M!", "01a2375b-ab87"})
    void textThatCannotBeAReferenceIsNone(String typed) {
        assertThat(BookingReference.parse(typed)).isEmpty();
        assertThat(BookingReference.parse(null)).isEmpty();
    }

    @Test
    void aReferenceIsMadeOnlyOfItsAlphabet() {
        assertThatThrownBy(() -> new BookingReference("K7P3QX9M0")).isInstanceOf(IllegalArgumentException.class);
    }
}
