package io.seatwise.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The firewall's header rules, checked without regular expressions, allow exactly what Spring Security's allow. */
class RequestMatchingTest {

    @Property(tries = 5_000)
    void headerNamesAreJudgedAsSpringSecurityJudgesThem(@ForAll("headerTexts") String text) {
        assertThat(RequestMatching.HEADER_NAMES.test(text))
                .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
    }

    @Property(tries = 5_000)
    void headerValuesAreJudgedAsSpringSecurityJudgesThem(@ForAll("headerTexts") String text) {
        assertThat(RequestMatching.HEADER_VALUES.test(text))
                .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
    }

    @Example
    void controlCharactersAreRefusedAndATabOnlyInValues() {
        assertThat(RequestMatching.HEADER_VALUES.test("Bearer abc.def")).isTrue();
        assertThat(RequestMatching.HEADER_VALUES.test("a\tb")).isTrue();
        assertThat(RequestMatching.HEADER_NAMES.test("a\tb")).isFalse();
        assertThat(RequestMatching.HEADER_VALUES.test("a\r\nb")).isFalse();
        assertThat(RequestMatching.HEADER_VALUES.test("a\u0085b")).isFalse();
        assertThat(RequestMatching.HEADER_VALUES.test("unassigned \u0378")).isFalse();
        assertThat(RequestMatching.HEADER_VALUES.test("emoji \uD83C\uDFAD")).isTrue();
    }

    /** Mostly printable text, with control characters, tabs, unassigned code points and lone surrogates mixed in. */
    @Provide
    Arbitrary<String> headerTexts() {
        var awkward = Arbitraries.of(
                '\t', '\r', '\n', '\u0000', '\u007f', '\u0085', '\u009f', '\u0378', '\uD83C', '\uDFAD', '\uFFFF');
        var characters = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.chars().range(' ', '~')),
                Tuple.of(3, Arbitraries.chars().all()),
                Tuple.of(1, awkward));
        return characters.list().ofMaxSize(12).map(list -> {
            var text = new StringBuilder();
            list.forEach(text::append);
            return text.toString();
        });
    }
}
