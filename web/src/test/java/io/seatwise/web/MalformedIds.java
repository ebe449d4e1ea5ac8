package io.seatwise.web;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Path segments, already URL-encoded, that name no venue or event: unknown ids, malformed ones and attacks. */
public final class MalformedIds {

    private MalformedIds() {}

    public static Stream<Arguments> all() {
        return Stream.of(
                arguments("unknown id", UUID.randomUUID().toString()),
                arguments("unknown short id", "nope"),
                arguments("id of 65 characters", "a".repeat(65)),
                arguments("id of 2,000 characters", "b".repeat(2_000)),
                arguments("id of 4,000 characters", "c".repeat(4_000)),
                arguments("space", "a%20b"),
                arguments("accented letter", "%C3%A9v%C3%A9nement"),
                arguments("emoji", "%F0%9F%8E%AD"),
                arguments("SQL", "%27%3B%20DROP%20TABLE%20venues%3B%20--"),
                arguments("SQL tautology", "1%20OR%201%3D1"),
                arguments("script tag", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
                arguments("encoded traversal", "..%2Fetc%2Fpasswd"),
                arguments("deep encoded traversal", "..%2F..%2F..%2F..%2Fetc%2Fpasswd"),
                arguments("double-encoded traversal", "..%252Fetc%252Fpasswd"),
                arguments("encoded dot segment", "%2e%2e"),
                arguments("encoded backslash traversal", "..%5C..%5Cwindows%5Cwin.ini"),
                arguments("semicolon", "a;b"),
                arguments("encoded semicolon", "a%3Bb"),
                arguments("encoded percent", "a%25b"));
    }
}
