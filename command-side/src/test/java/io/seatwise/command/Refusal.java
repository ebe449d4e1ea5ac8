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

    private Refusal(ErrorCode code, Map<String, Object> properties) {
        this.code = code;
        this.properties = properties;
    }

    public static Refusal refused(ErrorCode code) {
        return new Refusal(code, Map.of());
    }

    public Refusal naming(String property, Object value) {
        var named = new LinkedHashMap<>(properties);
        named.put(property, value);
        return new Refusal(code, named);
    }

    @Override
    protected boolean matchesSafely(DomainException exception, Description mismatch) {
        mismatch.appendText("was ")
                .appendValue(exception.code())
                .appendText(" with ")
                .appendValue(exception.properties())
                .appendText(": ")
                .appendText(exception.getMessage());
        return exception.code() == code
                && properties.entrySet().stream()
                        .allMatch(named ->
                                named.getValue().equals(exception.properties().get(named.getKey())));
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a DomainException ").appendValue(code);
        if (!properties.isEmpty()) {
            description.appendText(" naming ").appendValue(properties);
        }
    }
}
