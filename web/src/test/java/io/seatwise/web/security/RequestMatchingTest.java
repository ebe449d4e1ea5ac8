package io.seatwise.web.security;

import static io.seatwise.web.SeededProperties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.Gen;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The firewall's header rules, checked without regular expressions, allow exactly what Spring Security's allow. */
class RequestMatchingTest {

    private static final int TRIES = 5_000;

    @Test
    void headerNamesAreJudgedAsSpringSecurityJudgesThem() {
        forAll(
                TRIES,
                headerTexts(),
                text -> assertThat(RequestMatching.HEADER_NAMES.test(text))
                        .as(
                                "header name %s",
                                text.codePoints().mapToObj(Integer::toHexString).toList())
                        .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text)));
    }

    @Test
    void headerValuesAreJudgedAsSpringSecurityJudgesThem() {
        forAll(
                TRIES,
                headerTexts(),
                text -> assertThat(RequestMatching.HEADER_VALUES.test(text))
                        .as(
                                "header value %s",
                                text.codePoints().mapToObj(Integer::toHexString).toList())
                        .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text)));
    }

    @Test
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
    private static Gen<String> headerTexts() {
        var awkward = Gen.of(
                '\t', '\r', '\n', '\u0000', '\u007f', '\u0085', '\u009f', '\u0378', '\uD83C', '\uDFAD', '\uFFFF');
        var characters = Gen.<Character>frequency(
                Gen.weight(8, Gen.chars(' ', '~')), Gen.weight(3, Gen.anyChar()), Gen.weight(1, awkward));
        return Gen.strings(characters, 0, 12);
    }
}
