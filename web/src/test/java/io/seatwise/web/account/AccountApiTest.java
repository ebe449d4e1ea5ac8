package io.seatwise.web.account;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountApiTest extends ApplicationTest {

    private static final String PASSWORD = "correct-horse-battery";

    private static String uniqueEmail(String name) {
        return name + "-" + System.nanoTime() + "@example.com";
    }

    private ApiClient.Response register(String email, String password, String displayName) {
        return api.post("/api/users", Map.of("email", email, "password", password, "displayName", displayName));
    }

    @Test
    void registrationAnswersTheNewAccount() {
        var email = uniqueEmail("ann");

        var response = register(email, PASSWORD, "Ann Example");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var account = response.json();
        assertThat(account.get("id").asText()).isNotBlank();
        assertThat(account.get("email").asText()).isEqualTo(email);
        assertThat(account.get("displayName").asText()).isEqualTo("Ann Example");
        assertThat(account.has("password")).isFalse();
    }

    @Test
    void emailTakenInAnotherCaseIsAConflict() {
        var email = uniqueEmail("Bob.Smith");
        register(email, PASSWORD, "Bob");

        var again = register(email.toUpperCase(), "another-password", "Robert");

        assertProblem(again, 409);
    }

    @Test
    void rightPasswordGetsAWorkingToken() {
        var email = uniqueEmail("cleo");
        register(email, PASSWORD, "Cleo");

        var response = api.post("/api/auth/token", Map.of("email", email, "password", PASSWORD));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var token = response.json().get("token").asText();
        assertThat(Instant.parse(response.json().get("expiresAt").asText())).isAfter(Instant.now());
        assertThat(api.get("/api/me/bookings", token).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        var email = uniqueEmail("dora");
        register(email, PASSWORD, "Dora");

        var response = api.post("/api/auth/token", Map.of("email", email, "password", "not-" + PASSWORD));

        assertProblem(response, 401);
        assertThat(response.json().has("token")).isFalse();
    }

    @Test
    void unknownEmailIsUnauthorized() {
        var response = api.post("/api/auth/token", Map.of("email", uniqueEmail("nobody"), "password", PASSWORD));

        assertProblem(response, 401);
    }
}
