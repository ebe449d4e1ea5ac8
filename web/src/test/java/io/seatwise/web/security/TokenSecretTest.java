package io.seatwise.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatwise.web.SeatwiseProperties;
import io.seatwise.web.StandaloneApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configured token secret must be long enough that nobody can guess it, or Seatwise does not start. */
class TokenSecretTest {

    @TempDir
    Path dataDir;

    @Test
    void aConfiguredSecretShorterThan32BytesStopsTheStartAndSaysWhy() {
        var secret = "only-twenty-two-bytes!";

        assertThatThrownBy(() -> StandaloneApplication.start(dataDir, "--seatwise.token-secret=" + secret)
                        .close())
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SEATWISE_TOKEN_SECRET is shorter than 32 bytes")
                .message()
                .doesNotContain(secret);
        assertThat(dataDir.resolve("token-secret")).doesNotExist();
    }

    @Test
    void secretsAreMeasuredInBytes() {
        assertThatThrownBy(() -> TokenKeys.load(configured("x".repeat(31)), this::neverAsked))
                .isInstanceOf(IllegalStateException.class);
        assertThat(TokenKeys.load(configured("x".repeat(32)), this::neverAsked).getEncoded())
                .hasSize(32);
        assertThatThrownBy(() -> TokenKeys.load(configured("é".repeat(15)), this::neverAsked))
                .as("30 bytes in 15 characters")
                .isInstanceOf(IllegalStateException.class);
        assertThat(TokenKeys.load(configured("é".repeat(16)), this::neverAsked)).isNotNull();
    }

    @Test
    void withoutAConfiguredSecretAGeneratedOneIsKept() throws Exception {
        var kept = new java.util.HashMap<String, String>();
        var key = TokenKeys.load(configured(null), (name, generated) -> kept.computeIfAbsent(name, n -> generated));

        assertThat(kept).containsOnlyKeys(TokenKeys.KEPT_AS);
        assertThat(kept.get(TokenKeys.KEPT_AS).length()).isGreaterThanOrEqualTo(32);
        assertThat(TokenKeys.load(configured(null), (name, generated) -> kept.get(name)))
                .isEqualTo(key);
        assertThat(Files.list(dataDir)).isEmpty();
    }

    private String neverAsked(String name, String generated) {
        throw new AssertionError("a configured secret is never generated");
    }

    private SeatwiseProperties configured(String secret) {
        return new SeatwiseProperties(dataDir, null, false, secret, Duration.ofHours(12), null, null, null);
    }
}
