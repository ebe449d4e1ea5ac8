package io.seatwise.web.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventView;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.VenueId;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;

/**
 * Session attributes as the database keeps them: what the pages put into a session comes back as it was, and bytes
 * that make no object here (written by a release whose classes differ) come back as no attribute, not as an error.
 */
class SessionAttributeBytesTest {

    private final GenericConversionService bytes =
            SharedSessions.attributeBytes(SessionAttributeBytesTest.class.getClassLoader());

    @Test
    void whatThePagesKeepInASessionComesBackAsItWas() {
        var event = new EventView(
                EventId.random(),
                "Night",
                "",
                VenueId.random(),
                "Hall",
                "Town",
                Instant.parse("2030-01-01T20:00:00Z"),
                2_500,
                Map.of("STD", 2_500L),
                SingleSeatRule.values()[0],
                40,
                3);
        var signedIn = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                new User("ann@example.com", "", List.of(new SimpleGrantedAuthority("ROLE_USER"))),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"))));

        for (var value : List.<Object>of(event, signedIn, List.of(1, 2, 3), "notice")) {
            assertThat(readBack(write(value))).isEqualTo(value);
        }
    }

    @Test
    void anAttributeOfAClassThatIsGoneComesBackAsNone() {
        var written = write(new Kept("a draft"));
        var name = Kept.class.getName().getBytes(StandardCharsets.UTF_8);
        var at = indexOf(written, name);
        written[at + name.length - 1] = 'x'; // now names a class that this release does not have

        assertThat(readBack(written)).isNull();
    }

    @Test
    void bytesThatAreNoSerializedObjectComeBackAsNone() {
        assertThat(readBack(new byte[] {1, 2, 3})).isNull();
    }

    record Kept(String text) implements Serializable {}

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int at = 0; at + part.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + part.length, part, 0, part.length)) {
                return at;
            }
        }
        throw new AssertionError("not in the bytes");
    }

    private byte[] write(Object value) {
        return (byte[])
                bytes.convert(value, TypeDescriptor.valueOf(Object.class), TypeDescriptor.valueOf(byte[].class));
    }

    private Object readBack(byte[] written) {
        return bytes.convert(written, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
    }
}
