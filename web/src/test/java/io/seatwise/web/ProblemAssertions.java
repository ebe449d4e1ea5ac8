package io.seatwise.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What every refusal of the JSON API looks like: an RFC 9457 problem that says what is wrong and nothing more. */
public final class ProblemAssertions {

    /** Traces of the server's insides that must never reach a client. */
    private static final List<String> INTERNALS = List.of(
            "Exception",
            "Caused by",
            "\tat ",
            "at io.",
            "at org.",
            "at java.",
            "com.fasterxml",
            "java.lang",
            "java.util",
            "org.springframework",
            "org.axonframework",
            "org.hibernate",
            "org.sqlite",
            "SQLITE_",
            "io.seatwise");

    private ProblemAssertions() {}

    /**
     * Asserts a problem answer with the given status whose detail mentions every given word (ignoring case), and
     * returns its body.
     */
    public static JsonNode assertProblem(ApiClient.Response response, int status, String... detailMentions) {
        assertThat(response.status())
                .as("status, answering %s", response.body())
                .isEqualTo(status);
        assertThat(response.contentType()).as("content type").startsWith("application/problem+json");
        for (var internal : INTERNALS) {
            assertThat(response.body()).as("body shows no internals").doesNotContain(internal);
        }
        var problem = response.json();
        assertThat(problem.isObject()).as("problem is a JSON object").isTrue();
        assertThat(problem.path("status").asInt()).as("problem status").isEqualTo(status);
        assertThat(problem.path("title").asText()).as("problem title").isNotBlank();
        var detail = problem.path("detail").asText();
        assertThat(detail).as("problem detail").isNotBlank();
        for (var mention : detailMentions) {
            assertThat(detail).as("problem detail").containsIgnoringCase(mention);
        }
        return problem;
    }

    /** Asserts a 404 problem for an id that names nothing, however it is malformed. */
    public static JsonNode assertNotFound(ApiClient.Response response) {
        var problem = assertProblem(response, 404);
        assertThat(problem.path("detail").asText()).containsAnyOf("No such", "Unknown");
        return problem;
    }

    /** Asserts a problem answer with some 4xx status, for requests that may be refused for more than one reason. */
    public static JsonNode assertClientProblem(ApiClient.Response response) {
        assertThat(response.status())
                .as("status, answering %s", response.body())
                .isBetween(400, 499);
        return assertProblem(response, response.status());
    }

    /** Asserts that a page or any other answer shows nothing of the server's insides. */
    public static void assertNoInternals(String body) {
        for (var internal : INTERNALS) {
            assertThat(body).as("body shows no internals").doesNotContain(internal);
        }
    }

    /** Asserts the 401 problem that an API call needing a user gets without a valid token. */
    public static void assertUnauthorized(ApiClient.Response response) {
        assertProblem(response, 401, "token");
        assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
}
