package io.seatwise.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The language an account reads Seatwise in, and so the language of every mail it gets: the languages Seatwise has
 * texts for. Serialized as its code, {@code en} or {@code de}.
 */
public enum Language {
    EN("en"),
    DE("de");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language of a code, in any case and with surrounding spaces; empty for anything else. */
    public static Optional<Language> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        var wanted = code.strip();
        return Arrays.stream(values())
                .filter(language -> language.code.equalsIgnoreCase(wanted))
                .findFirst();
    }

    /** The language of a browser's locale ({@code de-AT} is German); English for one that Seatwise does not speak. */
    public static Language ofLocale(Locale locale) {
        return locale == null ? EN : of(locale.getLanguage()).orElse(EN);
    }

    @JsonCreator
    static Language fromCode(String code) {
        return of(code).orElseThrow(() -> new IllegalArgumentException("Not a language of Seatwise: " + code));
    }
}
