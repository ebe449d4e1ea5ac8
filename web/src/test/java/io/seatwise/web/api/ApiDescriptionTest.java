package io.seatwise.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.web.ApplicationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.UUID;
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

    /**
     * Every operation is called as the description says it may be: without a token, a public one is not refused
     * with 401 and any other one is; with a user's token, only those described with 403 for a missing role are.
     */
    @Test
    void eachOperationNeedsTheTokenAndRoleItIsDescribedWith() {
        var description = api.get("/v3/api-docs").json();
        var user = api.newUserToken("Dora");
        var operations = 0;
        for (var path : iterable(description.path("paths").fieldNames())) {
            var item = description.path("paths").path(path);
            for (var method : iterable(item.fieldNames())) {
                var operation = item.path(method);
                var route = method.toUpperCase() + " " + path;
                var uri = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                var body = operation.has("requestBody") ? "{}" : null;
                var isPublic =
                        operation.has("security") && operation.path("security").isEmpty();

                var anonymous = api.send(method.toUpperCase(), uri, body, null).status();
                var signedIn = api.send(method.toUpperCase(), uri, body, user).status();

                assertThat(anonymous == 401)
                        .as(route + " without a token answers " + anonymous)
                        .isEqualTo(!isPublic);
                assertThat(describes(operation, "401", "unauthorized"))
                        .as(route + " describes 401 for a missing token")
                        .isEqualTo(!isPublic);
                var needsRole = describes(operation, "403", "forbidden");
                assertThat(signedIn == 403)
                        .as(route + " with a user's token answers " + signedIn)
                        .isEqualTo(needsRole);
                operations++;
            }
        }
        assertThat(operations).isGreaterThan(20);
    }

    private static boolean describes(JsonNode operation, String status, String example) {
        return operation.path("responses").path(status).toString().contains("#/components/examples/" + example);
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
