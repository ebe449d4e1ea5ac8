package io.seatwise.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The description at /v3/api-docs, as a client generator reads it. */
class ApiDescriptionTest extends ApplicationTest {

    private static final Path DESCRIPTION = Path.of("target", "api-docs", "openapi.json");

    @Test
    void descriptionPassesRedoclysRecommendedRules() throws Exception {
        var response = api.get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        Files.createDirectories(DESCRIPTION.getParent());
        Files.writeString(DESCRIPTION, response.body());

        var lint = Redocly.lint(DESCRIPTION);

        assertThat(lint.problems()).as("redocly's findings in " + DESCRIPTION).isEmpty();
        assertThat(lint.errors()).isZero();
        assertThat(lint.warnings()).isZero();
    }
}
