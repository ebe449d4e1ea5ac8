package io.seatwise.web;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Request bodies for bad-input tests, each made from a valid body so that it is wrong in exactly one way. */
public final class JsonBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBodies() {}

    /** The valid body with one field set to the given raw JSON value (added when missing). */
    public static String with(String validBody, String field, String rawJsonValue) {
        try {
            var body = (ObjectNode) JSON.readTree(validBody);
            body.set(field, JSON.readTree(rawJsonValue));
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The valid body without the given field. */
    public static String without(String validBody, String field) {
        try {
            var body = (ObjectNode) JSON.readTree(validBody);
            body.remove(field);
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Java string as a JSON string literal, control characters escaped as {@code \\uXXXX}. */
    public static String text(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Bodies that are not one JSON object, named for the test report. All but the first few are the valid body
     * broken by syntax alone, so that only the syntax can be the reason for refusing them.
     */
    public static Stream<Arguments> malformed(String validBody) {
        return Stream.of(
                arguments("empty body", ""),
                arguments("only whitespace", "  \n "),
                arguments("not JSON at all", "name=Hall&rows=3"),
                arguments("XML", "<request><rows>3</rows></request>"),
                arguments("JSON null", "null"),
                arguments("JSON string", "\"hello\""),
                arguments("JSON number", "42"),
                arguments("JSON boolean", "true"),
                arguments("empty JSON array", "[]"),
                arguments("truncated", validBody.substring(0, validBody.length() - 1)),
                arguments("cut off in the middle", validBody.substring(0, validBody.length() / 2)),
                arguments("trailing garbage", validBody + " garbage"),
                arguments("two objects", validBody + validBody),
                arguments("object inside an array", "[" + validBody + "]"),
                arguments("single quotes", validBody.replace('"', '\'')),
                arguments("comment", "/* note */ " + validBody),
                arguments("trailing comma", validBody.substring(0, validBody.lastIndexOf('}')) + ",}"),
                arguments("unquoted field names", validBody.replaceAll("\"(\\w+)\":", "$1:")));
    }
}
