package io.seatwise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.FindSeatMap;
import io.seatwise.api.event.EventId;
import io.seatwise.api.venue.VenueId;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdentifierTypesTest {

    private static final String UUID_LIKE = "0b8f5a4e-2f6d-4c1e-9a3b-7d2e1f0c9b8a";

    static Stream<Arguments> idTypes() {
        return Stream.of(
                idType(EventId.class, EventId::new, EventId::random),
                idType(VenueId.class, VenueId::new, VenueId::random),
                idType(BookingId.class, BookingId::new, BookingId::next),
                idType(AccountId.class, AccountId::new, AccountId::random));
    }

    private static Arguments idType(Class<?> type, Function<String, Object> create, Supplier<Object> random) {
        return Arguments.of(named(type.getSimpleName(), type), create, random);
    }

    @ParameterizedTest
    @MethodSource("idTypes")
    void safeValueIsKeptAsGiven(Class<?> type, Function<String, Object> create) {
        assertThat(create.apply("Event-42-x")).isInstanceOf(type).hasToString("Event-42-x");
    }

    @ParameterizedTest
    @MethodSource("idTypes")
    void randomIdIsValid(Class<?> type, Function<String, Object> create, Supplier<Object> random) {
        var id = random.get();

        assertThat(create.apply(id.toString())).isEqualTo(id);
        assertThat(random.get()).isNotEqualTo(id);
    }

    @ParameterizedTest
    @MethodSource("idTypes")
    void longestAllowedValueIsAccepted(Class<?> type, Function<String, Object> create) {
        assertThat(create.apply("a".repeat(64))).hasToString("a".repeat(64));
    }

    @ParameterizedTest
    @MethodSource("idTypes")
    void blankOrUnsafeValueIsUnknown(Class<?> type, Function<String, Object> create) {
        Stream.of(null, "", " ", "a b", " abc", "abc\n", "../etc", "a/b", "a%2Fb", "a?b", "a_b", "é", "a".repeat(65))
                .forEach(value -> assertThatThrownBy(() -> create.apply(value))
                        .as("id %s", value)
                        .isInstanceOfSatisfying(
                                DomainException.class,
                                refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.NOT_FOUND)));
    }

    @Test
    void refusalQuotesAtMostFortyCharactersOfTheValue() {
        var value = "x".repeat(40) + "/" + "y".repeat(10_000);

        assertThatThrownBy(() -> EventId.of(value)).hasMessage("Unknown event '" + "x".repeat(40) + "…'");
    }

    @Test
    void refusalOfMissingValueQuotesNothing() {
        assertThatThrownBy(() -> new VenueId(null)).hasMessage("Unknown venue ''");
    }

    @ParameterizedTest
    @MethodSource("idTypes")
    void idIsWrittenAsPlainString(Class<?> type, Function<String, Object> create) throws Exception {
        assertThat(new ObjectMapper().writeValueAsString(create.apply(UUID_LIKE)))
                .isEqualTo(quoted(UUID_LIKE));
    }

    @ParameterizedTest
    @MethodSource("idTypes")
    void idIsReadFromPlainString(Class<?> type, Function<String, Object> create) throws Exception {
        assertThat(new ObjectMapper().readValue(quoted(UUID_LIKE), type)).isEqualTo(create.apply(UUID_LIKE));
    }

    @ParameterizedTest
    @MethodSource("idTypes")
    void idIsReadFromPlainStringAlsoWithParameterNames(Class<?> type, Function<String, Object> create)
            throws Exception {
        var mapper = JsonMapper.builder().addModule(new ParameterNamesModule()).build();

        assertThat(mapper.readValue(quoted(UUID_LIKE), type)).isEqualTo(create.apply(UUID_LIKE));
    }

    @Test
    void idInsideMessageIsPlainString() throws Exception {
        var mapper = new ObjectMapper();
        var query = new FindSeatMap(EventId.of("event-1"));

        assertThat(mapper.writeValueAsString(query)).isEqualTo("{\"eventId\":\"event-1\"}");
        assertThat(mapper.readValue("{\"eventId\":\"event-1\"}", FindSeatMap.class))
                .isEqualTo(query);
    }

    @Test
    void unsafeIdInJsonIsRefusedAsUnknown() {
        assertThatThrownBy(() -> new ObjectMapper().readValue("{\"eventId\":\"../admin\"}", FindSeatMap.class))
                .rootCause()
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    private static String quoted(String value) {
        return '"' + value + '"';
    }
}
