package io.seatwise.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.examples.Example;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The examples of the API's description, kept as JSON files on the class path so that they read like the answers
 * themselves: {@code openapi/problems/<name>.json} is a problem as the API answers it, and
 * {@code openapi/examples/<operationId>.json} holds an operation's {@code request} and its answers by status.
 */
final class ApiExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> problems;
    private final Map<String, JsonNode> operations;

    private ApiExamples(Map<String, JsonNode> problems, Map<String, JsonNode> operations) {
        this.problems = problems;
        this.operations = operations;
    }

    static ApiExamples load() {
        return new ApiExamples(read("openapi/problems"), read("openapi/examples"));
    }

    /** The named problem example, which must answer with the status given. */
    Example problem(String name, int status) {
        var problem = problems.get(name);
        if (problem == null) {
            throw new IllegalStateException("No problem example openapi/problems/" + name + ".json");
        }
        if (problem.path("status").asInt() != status) {
            throw new IllegalStateException(
                    "Problem example " + name + " answers " + problem.path("status") + ", not " + status);
        }
        return new Example()
                .summary(problem.path("title").asText() + ": " + name)
                .value(problem);
    }

    /** What an operation's example file holds under the key ({@code request}, or a status such as {@code 201}). */
    Optional<JsonNode> forOperation(String operationId, String key) {
        return Optional.ofNullable(operations.get(operationId)).map(examples -> examples.get(key));
    }

    /** The keys of an operation's example file, so that one naming an answer the operation lacks is noticed. */
    Iterable<String> keysOf(String operationId) {
        var examples = operations.get(operationId);
        return examples == null ? List.of() : () -> examples.fieldNames();
    }

    private static Map<String, JsonNode> read(String folder) {
        var files = new TreeMap<String, JsonNode>();
        try {
            for (Resource file :
                    new PathMatchingResourcePatternResolver().getResources("classpath:" + folder + "/*.json")) {
                var name = file.getFilename().substring(0, file.getFilename().length() - ".json".length());
                try (var in = file.getInputStream()) {
                    files.put(name, JSON.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API's examples in " + folder, e);
        }
        return files;
    }
}
