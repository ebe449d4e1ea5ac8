package io.seatwise.web.account;

import static io.seatwise.web.JsonBodies.text;
import static io.seatwise.web.JsonBodies.with;
import static io.seatwise.web.JsonBodies.without;
import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.JsonBodies;
import io.seatwise.web.StoredState;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /api/users} and {@code POST /api/auth/token} given everything but what they expect. */
class BadInputAccountApiTest extends ApplicationTest {

    private static final String PASSWORD = "correct-horse-battery";

    /** A valid registration once {@link #unique} has put in a fresh email. */
    private static final String REGISTRATION = """
            {"email": "%EMAIL%", "password": "correct-horse-battery", "displayName": "Ann"}""";

    /** Valid credentials once {@link #signIn} has put in the email of the standing account. */
    private static final String CREDENTIALS = """
            {"email": "%EMAIL%", "password": "correct-horse-battery"}""";

    /** A password of exactly the 72 bytes that BCrypt reads. */
    private static final String LONGEST_PASSWORD = "p".repeat(72);

    private static String standingEmail;
    private static String longPasswordEmail;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void standingAccounts() {
        if (standingEmail == null) {
            standingEmail = "standing-" + UUID.randomUUID() + "@example.com";
            api.register(standingEmail, PASSWORD, "Stan");
            longPasswordEmail = "long-" + UUID.randomUUID() + "@example.com";
            api.register(longPasswordEmail, LONGEST_PASSWORD, "Lon");
        }
    }

    static Stream<Arguments> malformedRegistrations() {
        return JsonBodies.malformed(REGISTRATION);
    }

    static Stream<Arguments> malformedCredentials() {
        return JsonBodies.malformed(CREDENTIALS);
    }

    static Stream<Arguments> registrationWrongTypes() {
        return Stream.of(
                arguments("email", "5"),
                arguments("email", "true"),
                arguments("email", "[\"ann@example.com\"]"),
                arguments("email", "{\"address\": \"ann@example.com\"}"),
                arguments("password", "12345678"),
                arguments("password", "1.2345678E7"),
                arguments("password", "true"),
                arguments("password", "[\"correct-horse-battery\"]"),
                arguments("displayName", "5"),
                arguments("displayName", "false"),
                arguments("displayName", "{\"first\": \"Ann\"}"));
    }

    static Stream<Arguments> registrationInvalidValues() {
        return Stream.of(
                arguments("email", "null"),
                arguments("email", "\"\""),
                arguments("email", "\"   \""),
                arguments("email", "\"ann.example.com\""),
                arguments("email", "\"ann@example\""),
                arguments("email", "\"@example.com\""),
                arguments("email", "\"ann@\""),
                arguments("email", "\"ann@@example.com\""),
                arguments("email", "\"ann smith@example.com\""),
                arguments("email", text("a".repeat(243) + "@example.com")),
                arguments("email", text("ann\u0000@example.com")),
                arguments("email", text("' OR '1'='1")),
                arguments("password", "null"),
                arguments("password", "\"\""),
                arguments("password", text("p".repeat(7))),
                arguments("password", text("p".repeat(73))),
                arguments("password", text("p".repeat(129))),
                arguments("password", text("é".repeat(40))),
                arguments("password", text("🎭".repeat(19))),
                arguments("displayName", "null"),
                arguments("displayName", "\"\""),
                arguments("displayName", "\"   \""),
                arguments("displayName", text("D".repeat(101))),
                arguments("displayName", text("\u001b[31mAnn")),
                arguments("displayName", text("Ann\u0000")),
                arguments("displayName", text("Ann\nYour account is closed: https://evil.example")),
                arguments("displayName", text("Ann\r\nBcc: everyone@example.com")),
                arguments("displayName", text("Ann\u2028Smith")),
                arguments("displayName", text("Ann\tSmith")));
    }

    static Stream<String> registrationFields() {
        return Stream.of("email", "password", "displayName");
    }

    static Stream<Arguments> credentialsWrongTypes() {
        return Stream.of(
                arguments("email", "5"),
                arguments("email", "[\"x\"]"),
                arguments("password", "12345678"),
                arguments("password", "true"),
                arguments("password", "{\"secret\": \"x\"}"));
    }

    static Stream<Arguments> credentialsInvalidValues() {
        return Stream.of(
                arguments("email", "null"),
                arguments("email", "\"\""),
                arguments("email", "\"  \""),
                arguments("email", text("a".repeat(243) + "@example.com")),
                arguments("password", "null"),
                arguments("password", "\"\""),
                arguments("password", text("p".repeat(129))));
    }

    static Stream<Arguments> wrongCredentials() {
        return Stream.of(
                arguments("wrong password", "%EMAIL%", "incorrect-horse-battery"),
                arguments("password in other case", "%EMAIL%", PASSWORD.toUpperCase()),
                arguments("password with a space added", "%EMAIL%", PASSWORD + " "),
                arguments("unknown email", "nobody-" + UUID.randomUUID() + "@example.com", PASSWORD),
                arguments("email that is SQL", "' OR '1'='1' --", PASSWORD),
                arguments("email with a NUL", "%EMAIL%\u0000", PASSWORD),
                arguments("password that is SQL", "%EMAIL%", "' OR '1'='1' --"));
    }

    @Test
    void theValidRegistrationBehindTheMalformedOnesIsAccepted() {
        var response = api.postRaw("/api/users", unique(REGISTRATION), null);

        assertThat(response.status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRegistrations")
    void malformedJsonIsRefusedAndOpensNoAccount(String malformation, String body) {
        assertRegistrationRefusedWithoutTrace(body, 400, "JSON");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("registrationWrongTypes")
    void registrationFieldOfTheWrongTypeIsRefusedByName(String field, String value) {
        assertRegistrationRefusedWithoutTrace(with(REGISTRATION, field, value), 400, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrationFields")
    void missingRegistrationFieldIsRefusedByName(String field) {
        assertRegistrationRefusedWithoutTrace(without(REGISTRATION, field), 400, field);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("registrationInvalidValues")
    void registrationFieldWithAnInvalidValueIsRefusedByName(String field, String value) {
        assertRegistrationRefusedWithoutTrace(with(REGISTRATION, field, value), 400, field);
    }

    @Test
    void registeringATakenEmailInAnotherCaseIsAConflictThatChangesNothing() {
        var storedBefore = StoredState.of(jdbc);

        var response = api.postRaw("/api/users", REGISTRATION.replace("%EMAIL%", standingEmail.toUpperCase()), null);

        assertProblem(response, 409, "email");
        assertThat(StoredState.of(jdbc)).isEqualTo(storedBefore);
        assertThat(api.token(standingEmail, PASSWORD)).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "<script>alert('name')</script>",
                "'; DROP TABLE account_credentials; --",
                "Zoë \"Z\" O'Brien \\ 🎭",
                "${jndi:ldap://example.com/a}"
            })
    void displayNamesThatLookLikeSqlOrHtmlAreKeptVerbatim(String displayName) {
        var email = "verbatim-" + UUID.randomUUID() + "@example.com";

        var response = api.postRaw(
                "/api/users", with(REGISTRATION.replace("%EMAIL%", email), "displayName", text(displayName)), null);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("displayName").asText()).isEqualTo(displayName);
        assertThat(api.token(email, PASSWORD)).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pppppppp", "correct horse battery staple", "ünïcödé-pässwörd", "' OR '1'='1' --"})
    void unusualButValidPasswordsAreAcceptedAndSignIn(String password) {
        var email = "password-" + UUID.randomUUID() + "@example.com";

        var response = api.postRaw(
                "/api/users", with(REGISTRATION.replace("%EMAIL%", email), "password", text(password)), null);

        assertThat(response.status()).isEqualTo(201);
        assertThat(api.token(email, password)).isNotBlank();
    }

    @Test
    void passwordOfExactlySeventyTwoBytesSignsIn() {
        assertThat(api.token(longPasswordEmail, LONGEST_PASSWORD)).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCredentials")
    void malformedCredentialsAreRefused(String malformation, String body) {
        assertSignInRefusedWithoutTrace(signIn(body), 400, "JSON");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("credentialsWrongTypes")
    void credentialOfTheWrongTypeIsRefusedByName(String field, String value) {
        assertSignInRefusedWithoutTrace(signIn(with(CREDENTIALS, field, value)), 400, field);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"email", "password"})
    void missingCredentialIsRefusedByName(String field) {
        assertSignInRefusedWithoutTrace(signIn(without(CREDENTIALS, field)), 400, field);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("credentialsInvalidValues")
    void credentialWithAnInvalidValueIsRefusedByName(String field, String value) {
        assertSignInRefusedWithoutTrace(signIn(with(CREDENTIALS, field, value)), 400, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongCredentials")
    void wrongCredentialsAreUnauthorized(String kind, String email, String password) {
        var body = signIn(with(with(CREDENTIALS, "email", text(email)), "password", text(password)));

        var problem = assertSignInRefusedWithoutTrace(body, 401, "wrong email or password");

        assertThat(problem.has("token")).isFalse();
    }

    @ParameterizedTest(name = "{0} extra characters")
    @ValueSource(ints = {1, 28, 56})
    void passwordThatOnlyBeginsWithTheSeventyTwoBytePasswordIsUnauthorized(int extra) {
        var body = Map.of("email", longPasswordEmail, "password", LONGEST_PASSWORD + "x".repeat(extra));

        var response = api.post("/api/auth/token", body);

        assertProblem(response, 401, "wrong email or password");
    }

    /**
     * Checks the refusal, that nothing was stored, and that the email is still free: it cannot sign in, yet can
     * register afterwards (the good request that shows the bad one left no claim behind).
     */
    private void assertRegistrationRefusedWithoutTrace(String body, int status, String mention) {
        var email = "fresh-" + UUID.randomUUID() + "@example.com";
        var storedBefore = StoredState.of(jdbc);

        assertProblem(api.postRaw("/api/users", body.replace("%EMAIL%", email), null), status, mention);

        assertThat(StoredState.of(jdbc)).as("stored state").isEqualTo(storedBefore);
        var signIn = api.post("/api/auth/token", Map.of("email", email, "password", PASSWORD));
        assertProblem(signIn, 401, "wrong email or password");
        assertThat(api.register(email, PASSWORD, "Ann")).isNotBlank();
        assertThat(api.token(email, PASSWORD)).isNotBlank();
    }

    /** Checks the refusal, that nothing was stored, and that the standing account still signs in as before. */
    private JsonNode assertSignInRefusedWithoutTrace(String body, int status, String mention) {
        var storedBefore = StoredState.of(jdbc);

        var problem = assertProblem(api.postRaw("/api/auth/token", body, null), status, mention);

        assertThat(StoredState.of(jdbc)).as("stored state").isEqualTo(storedBefore);
        assertThat(api.token(standingEmail, PASSWORD)).isNotBlank();
        return problem;
    }

    private static String unique(String body) {
        return body.replace("%EMAIL%", "fresh-" + UUID.randomUUID() + "@example.com");
    }

    private String signIn(String body) {
        return body.replace("%EMAIL%", standingEmail);
    }
}
