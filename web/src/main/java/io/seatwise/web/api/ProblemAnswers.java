package io.seatwise.web.api;

import io.seatwise.web.throttle.ClientThrottle;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * The problem answers of every API operation: its own refusals ({@link ApiRefusal} on the controller method), and those
 * that follow from its form, the security rules and the throttles: 400 where it takes input, 401 where it needs a
 * token, 403 where it needs a role that a user lacks, 429 where a client may call it only so often. Which routes are
 * public or throttled is read from the security rules and the throttle themselves, so the description cannot promise
 * what the filter chain refuses. Success examples come from {@link ApiExamples}.
 */
final class ProblemAnswers implements OperationCustomizer, OpenApiCustomizer {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String EXAMPLES = "#/components/examples/";

    private final RouteAccess access;
    private final ApiExamples examples = ApiExamples.load();

    ProblemAnswers(RouteAccess access) {
        this.access = access;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        for (var refusal : handler.getMethod().getAnnotationsByType(ApiRefusal.class)) {
            answer(operation, refusal.status(), refusal.when(), List.of(refusal.examples()));
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        var used = new TreeMap<String, Integer>();
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    describeInput(operation);
                    describeAccess(operation, access.of(method, path));
                    describeThrottle(operation, method.name(), path);
                    operation.setResponses(sorted(operation.getResponses()));
                    addSuccessExamples(operation);
                    operation
                            .getResponses()
                            .forEach((status, response) -> problemExamplesOf(response)
                                    .forEach(name -> used.put(name, Integer.parseInt(status))));
                }));
        var components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        ModelConverters.getInstance(true).readAll(Problem.class).forEach(components::addSchemas);
        used.forEach((name, status) -> components.addExamples(name, examples.problem(name, status)));
        openApi.setComponents(components);
    }

    private void describeInput(Operation operation) {
        if (operation.getRequestBody() != null) {
            answer(
                    operation,
                    400,
                    "The body is not JSON of this form, or a field is missing or invalid (errors names each).",
                    List.of("invalid-input", "malformed-json"));
        }
        var parameters = operation.getParameters() == null
                ? List.<io.swagger.v3.oas.models.parameters.Parameter>of()
                : operation.getParameters();
        if (parameters.stream().anyMatch(parameter -> "query".equals(parameter.getIn()))) {
            answer(
                    operation,
                    400,
                    "A query parameter is not a number or is out of range.",
                    List.of("invalid-parameter"));
        }
    }

    private void describeAccess(Operation operation, RouteAccess.Access needed) {
        switch (needed) {
            case PUBLIC -> operation.setSecurity(List.of());
            case USER -> answer(operation, 401, "No valid bearer token was sent.", List.of("unauthorized"));
            case STAFF -> {
                answer(operation, 401, "No valid bearer token was sent.", List.of("unauthorized"));
                answer(operation, 403, "The token's account is neither door staff nor an admin.", List.of("forbidden"));
                operation.setDescription(join(operation.getDescription(), "Only door staff and admins may call this."));
            }
            case ADMIN -> {
                answer(operation, 401, "No valid bearer token was sent.", List.of("unauthorized"));
                answer(operation, 403, "The token's account is not an admin.", List.of("forbidden"));
                operation.setDescription(join(operation.getDescription(), "Only admins may call this."));
            }
        }
    }

    /** The routes whose requests each client may make only so often ({@link ClientThrottle}). */
    private static void describeThrottle(Operation operation, String method, String path) {
        if (ClientThrottle.limits(method, path)) {
            answer(
                    operation,
                    429,
                    "Too many such requests from the client's address; retryAfterSeconds (and the Retry-After header) "
                            + "say how long to wait.",
                    List.of("too-many-requests"));
        }
    }

    /** Adds a problem answer, or adds to the one the operation already has for the status. */
    private static void answer(Operation operation, int status, String when, List<String> exampleNames) {
        var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        var response = responses.computeIfAbsent(String.valueOf(status), code -> new ApiResponse());
        response.setDescription(join(response.getDescription(), when));
        if (response.getContent() == null) {
            response.setContent(new Content());
        }
        var problem = response.getContent()
                .computeIfAbsent(PROBLEM_JSON, type -> new MediaType().schema(new Schema<>().$ref("Problem")));
        for (var name : exampleNames) {
            problem.addExamples(name, new Example().$ref(EXAMPLES + name));
        }
    }

    private void addSuccessExamples(Operation operation) {
        var id = operation.getOperationId();
        examples.forOperation(id, "request").ifPresent(example -> {
            if (operation.getRequestBody() == null) {
                throw new IllegalStateException(id + " has a request example but takes no body");
            }
            operation.getRequestBody().getContent().values().forEach(type -> type.setExample(example));
        });
        for (var key : examples.keysOf(id)) {
            if (key.equals("request")) {
                continue;
            }
            var response = operation.getResponses().get(key);
            if (response == null || response.getContent() == null) {
                throw new IllegalStateException(id + " has an example for " + key + " but no such answer with a body");
            }
            var example = examples.forOperation(id, key).orElseThrow();
            response.getContent().values().forEach(type -> type.setExample(example));
        }
    }

    private static List<String> problemExamplesOf(ApiResponse response) {
        if (response.getContent() == null || response.getContent().get(PROBLEM_JSON) == null) {
            return List.of();
        }
        var named = response.getContent().get(PROBLEM_JSON).getExamples();
        return named == null ? List.of() : List.copyOf(named.keySet());
    }

    private static ApiResponses sorted(ApiResponses responses) {
        var sorted = new ApiResponses();
        responses.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(entry -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
        return sorted;
    }

    /** Adds a sentence once, so that describing an operation again leaves it as it was. */
    private static String join(String first, String second) {
        if (first == null || first.isBlank()) {
            return second;
        }
        return first.contains(second) ? first : first + " " + second;
    }
}
