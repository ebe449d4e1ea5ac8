package io.seatwise.command;

import io.seatwise.api.DomainException;
import io.seatwise.api.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Matches a {@link DomainException} by its code and the properties that the answer names, for Axon's
 * {@code expectException(Matcher)}: the message is for people, the code and properties are the contract.
 */
public final class Refusal extends TypeSafeDiagnosingMatcher<DomainException> {

    private final ErrorCode code;
    private final Map<String, Object> properties;
    /** The typed refusal expected with all its details, or null to match by code and properties only. */
    private final io.seatwise.api.Refusal expected;

    private Refusal(ErrorCode code, Map<String, Object> properties, io.seatwise.api.Refusal expected) {
        this.code = code;
        this.properties = properties;
        this.expected = expected;
    }

    public static Refusal refused(ErrorCode code) {
        return new Refusal(code, Map.of(), null);
    }

    /** The typed refusal that pages and the API map, with every detail it carries. */
    public static Refusal refused(io.seatwise.api.Refusal expected) {
        return new Refusal(expected.code(), Map.of(), expected);
    }

    public Refusal naming(String property, Object value) {
        var named = new LinkedHashMap<>(properties);
        named.put(property, value);
        return new Refusal(code, named, expected);
    }

    @Override
    protected boolean matchesSafely(DomainException exception, Description mismatch) {
        mismatch.appendText("was ")
                .appendValue(exception.refusal())
                .appendText(" with ")
                .appendValue(exception.properties())
                .appendText(": ")
                .appendText(exception.getMessage());
        return exception.code() == code
                && (expected == null || expected.equals(exception.refusal()))
                && properties.entrySet().stream()
                        .allMatch(named ->
                                named.getValue().equals(exception.properties().get(named.getKey())));
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a DomainException ").appendValue(expected == null ? code : expected);
        if (!properties.isEmpty()) {
            description.appendText(" naming ").appendValue(properties);
        }
    }
}
