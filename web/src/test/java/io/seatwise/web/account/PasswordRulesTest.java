package io.seatwise.web.account;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.StoredState;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** New passwords are long enough, not among the most common ones and not the person's own email or name. */
class PasswordRulesTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"password1", "iloveyou", "SUNSHINE", "Trustno1", "qwertyuiop", "1qaz2wsx"})
    void commonPasswordIsRefusedByTheApiAndOpensNoAccount(String password) {
        var storedBefore = StoredState.of(jdbc);

        var response = api.post("/api/users", registration(password, "Cas"));

        assertProblem(response, 400, "password", "common");
        assertThat(StoredState.of(jdbc)).isEqualTo(storedBefore);
    }

    @ParameterizedTest(name = "{0} as the password")
    @CsvSource({"email, ", "name, Correct Horse Battery"})
    void ownEmailOrNameAsThePasswordIsRefused(String what, String name) {
        var email = "own-" + System.nanoTime() + "@example.com";
        var password = what.equals("email") ? email : name;
        var displayName = name == null ? "Ona" : name;
        var storedBefore = StoredState.of(jdbc);

        var response = api.post(
                "/api/users", Map.of("email", email, "password", password.toUpperCase(), "displayName", displayName));

        assertProblem(response, 400, "password", "email or your name");
        assertThat(StoredState.of(jdbc)).isEqualTo(storedBefore);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"short", "password", "password1"})
    void registrationFormSaysWhyAPasswordIsRefused(String password) {
        var browser = new BrowserSession(port);
        browser.get("/register");
        var storedBefore = StoredState.of(jdbc);

        var page = browser.post("/register", registration(password, "Fay"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsAnyOf("size must be between 8 and 72", "most common passwords");
        assertThat(page.body()).doesNotContain("value=\"" + password + "\"");
        assertThat(StoredState.of(jdbc)).isEqualTo(storedBefore);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"correct-horse-battery", "password-for-seatwise-2030", "ünïcödé-pässwörd"})
    void uncommonPasswordsAreAccepted(String password) {
        assertThat(api.post("/api/users", registration(password, "Gus")).status())
                .isEqualTo(201);
    }

    private static Map<String, String> registration(String password, String name) {
        return Map.of(
                "email", name.toLowerCase() + "-" + System.nanoTime() + "@example.com",
                "password", password,
                "displayName", name);
    }
}
