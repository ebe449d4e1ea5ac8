package io.seatwise.web.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailPropertiesTest {

    private static MailProperties properties(String from) {
        return new MailProperties(
                from,
                Duration.ofHours(1),
                Duration.ofHours(3),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofMinutes(5),
                12,
                Duration.ofMinutes(2));
    }

    @Test
    void retryWaitDoublesUpToTheMaximum() {
        var properties = properties("Seatwise <seatwise@localhost>");

        assertThat(properties.retryDelay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.retryDelay(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.retryDelay(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(properties.retryDelay(8)).isEqualTo(Duration.ofSeconds(256));
        assertThat(properties.retryDelay(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.retryDelay(100)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void malformedSenderIsRefusedAtStart() {
        assertThatThrownBy(() -> properties("not an address <"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seatwise.mail.from");
    }
}
