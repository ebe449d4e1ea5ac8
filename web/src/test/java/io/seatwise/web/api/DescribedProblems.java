package io.seatwise.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.web.ApiClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.springframework.core.io.ClassPathResource;

/** Real refusals held against the API's description, for {@link ProblemExamplesTest} and tests of their own. */
public final class DescribedProblems {

    private static final Path ACTUAL = Path.of("target", "problems-actual");

    private DescribedProblems() {}

    /**
     * Holds a real answer to the description: it is answered as the operation's description says (its status, with
     * the example named after it), has exactly the members of that example and only members that the Problem schema
     * declares, and its detail reads like the example's once ids and times are set aside.
     */
    public static void answersAsDescribed(
            JsonNode description, String example, String method, String path, ApiClient.Response actual)
            throws IOException {
        var expected = example(description, example, actual);
        assertThat(actual.contentType()).as(example + " content type").startsWith("application/problem+json");
        var body = actual.json();
        assertThat(body.path("status").asInt())
                .as(example + " status, answering " + actual.body())
                .isEqualTo(expected.path("status").asInt())
                .isEqualTo(actual.status());
        assertThat(body.path("title").asText())
                .as(example + " title")
                .isEqualTo(expected.path("title").asText());
        assertThat(names(body)).as(example + " members").isEqualTo(names(expected));
        assertThat(body.path("reason").asText())
                .as(example + " reason")
                .isEqualTo(expected.path("reason").asText());
        assertThat(normalised(body.path("detail").asText()))
                .as(example + " detail")
                .isEqualTo(normalised(expected.path("detail").asText()));

        var schema = description.path("components").path("schemas").path("Problem");
        assertThat(names(schema.path("properties")))
                .as("Problem schema's members")
                .containsAll(names(body));
        schema.path("required")
                .forEach(required -> assertThat(body.has(required.asText())).isTrue());
        var answer = description
                .path("paths")
                .path(path)
                .path(method)
                .path("responses")
                .path(String.valueOf(actual.status()))
                .path("content")
                .path("application/problem+json");
        assertThat(answer.path("schema").path("$ref").asText())
                .as(example + " schema")
                .isEqualTo("#/components/schemas/Problem");
        assertThat(names(answer.path("examples")))
                .as(method + " " + path + " examples")
                .contains(example);
    }

    /** The example as the description serves it; the real answer is kept beside, to compare or start from. */
    private static JsonNode example(JsonNode description, String name, ApiClient.Response actual) throws IOException {
        Files.createDirectories(ACTUAL);
        Files.writeString(ACTUAL.resolve(name + ".json"), actual.body());
        var served = description.path("components").path("examples").path(name).path("value");
        assertThat(new ClassPathResource("openapi/problems/" + name + ".json").exists())
                .as("openapi/problems/" + name + ".json; the real answer is in " + ACTUAL)
                .isTrue();
        assertThat(served.isObject())
                .as("example " + name + " in the description")
                .isTrue();
        return served;
    }

    private static TreeSet<String> names(JsonNode object) {
        var names = new TreeSet<String>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A detail without what differs from one answer to the next: ids, times and how long to wait. */
    private static String normalised(String detail) {
        return detail.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "{time}")
                .replaceAll("\\d+ seconds", "{n} seconds");
    }
}
