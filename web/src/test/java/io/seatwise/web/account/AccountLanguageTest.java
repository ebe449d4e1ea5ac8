package io.seatwise.web.account;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every account speaks en or de: the browser's language at sign-up (else English), or the one the API names; its
 * holder changes it on /me/account or over the API. Admins see it in the users API and page.
 */
class AccountLanguageTest extends ApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest
    @CsvSource({"de, de", "de-AT, de", "'fr-FR,de;q=0.7', de", "fr, en", "en-US, en", "'', en"})
    void signingUpOverTheApiTakesTheBrowsersLanguageOrEnglish(String acceptLanguage, String language) {
        var email = email("browser");

        var created = registerWith(email, acceptLanguage, null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("language").asText()).isEqualTo(language);
        assertThat(adminView(email).path("language").asText()).isEqualTo(language);
    }

    @Test
    void aLanguageNamedInTheRequestWinsOverTheBrowsers() {
        var email = email("named");

        var created = registerWith(email, "de-DE", "en");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("language").asText()).isEqualTo("en");
        assertThat(adminView(email).path("language").asText()).isEqualTo("en");
    }

    @ParameterizedTest
    @CsvSource({"fr", "''", "deutsch", "de-AT"})
    void aLanguageSeatwiseDoesNotSpeakIsRefusedAndNoAccountIsOpened(String language) {
        var email = email("refused");

        var refused = registerWith(email, "de", language);

        var problem = assertProblem(refused, 400);
        assertThat(problem.path("reason").asText()).startsWith("invalid-");
        assertThat(problem.path("detail").asText()).contains("language");
        assertThat(api.get("/api/admin/users?email=" + email, adminToken()).json())
                .isEmpty();
        // the address is still free
        assertThat(registerWith(email, "de", "de").status()).isEqualTo(201);
    }

    @Test
    void aLanguageThatIsNotTextIsRefused() {
        var body = "{\"email\":\"" + email("number") + "\",\"password\":\"" + ApiClient.USER_PASSWORD
                + "\",\"displayName\":\"Nummer\",\"language\":7}";
        assertProblem(api.postRaw("/api/users", body, null), 400);
    }

    @Test
    void anAccountChangesItsLanguageOverTheApi() {
        var email = email("changer");
        registerWith(email, "en", null);
        var token = api.token(email, ApiClient.USER_PASSWORD);

        var changed = api.put("/api/me/language", Map.of("language", "de"), token);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("language").asText()).isEqualTo("de");
        assertThat(adminView(email).path("language").asText()).isEqualTo("de");
        assertThat(api.put("/api/me/language", Map.of("language", "DE"), token).status())
                .as("the same language again")
                .isEqualTo(200);
    }

    @Test
    void changingToALanguageSeatwiseDoesNotSpeakIsRefusedAndChangesNothing() {
        var email = email("stayer");
        registerWith(email, "de", null);
        var token = api.token(email, ApiClient.USER_PASSWORD);

        var refused = assertProblem(api.put("/api/me/language", Map.of("language", "fr"), token), 400, "language");
        assertThat(refused.path("reason").asText()).isEqualTo("invalid-not-a-choice");
        assertProblem(api.put("/api/me/language", Map.of(), token), 400, "language");
        assertProblem(api.putRaw("/api/me/language", "{\"language\": [\"de\"]}", token), 400);

        assertThat(adminView(email).path("language").asText()).isEqualTo("de");
    }

    @Test
    void changingTheLanguageNeedsASignedInAccount() {
        assertProblem(api.put("/api/me/language", Map.of("language", "de"), null), 401);
    }

    @Test
    void theAccountPageShowsTheAccountAndChangesItsLanguage() {
        var browser = BrowserSession.signedInUser(api, "Pia Page");

        var page = browser.get("/me/account");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Pia Page", "My account", "data-action=\"change-language\"");
        assertThat(page.body()).containsPattern("<option value=\"en\"\\s+selected=\"selected\">English</option>");

        var changed = browser.post("/me/account/language", Map.of("language", "de"));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(browser.path(changed.location())).isEqualTo("/me/account");
        assertThat(browser.cookie("seatwise-lang")).as("the pages follow").isEqualTo("de");

        var after = browser.get("/me/account");
        assertThat(after.body())
                .contains("Mein Konto", "Ihre Sprache ist gespeichert.")
                .containsPattern("<option value=\"de\"\\s+selected=\"selected\">Deutsch</option>");
        var email = after.body().replaceAll("(?s).*data-field=\"email\">([^<]+)<.*", "$1");
        assertThat(adminView(email).path("language").asText()).isEqualTo("de");
    }

    @Test
    void theAccountPageRefusesALanguageSeatwiseDoesNotSpeak() {
        var browser = BrowserSession.signedInUser(api, "Rex Refused");
        browser.get("/me/account");

        var refused = browser.post("/me/account/language", Map.of("language", "fr"));

        assertThat(refused.status()).isEqualTo(302);
        var page = browser.get("/me/account");
        assertThat(page.body()).contains("Language: this is not one of the choices.");
        assertThat(page.body()).containsPattern("<option value=\"en\"\\s+selected=\"selected\">English</option>");
    }

    @Test
    void theAccountPageNeedsTheCsrfTokenAndASignedInAccount() {
        var browser = BrowserSession.signedInUser(api, "Cid Csrf");
        browser.get("/me/account");
        assertThat(browser.postWithoutCsrfToken("/me/account/language", Map.of("language", "de"))
                        .status())
                .isEqualTo(403);
        assertThat(browser.get("/me/account").body()).containsPattern("<option value=\"en\"\\s+selected=\"selected\"");

        var visitor = new BrowserSession(port);
        var redirected = visitor.get("/me/account");
        assertThat(redirected.status()).isEqualTo(302);
        assertThat(visitor.path(redirected.location())).endsWith("/login");
    }

    @Test
    void registeringOnThePagesInGermanOpensAGermanAccount() {
        var browser = new BrowserSession(port);
        browser.get("/register?lang=de");
        var email = email("seite");

        var registered = browser.post(
                "/register", Map.of("displayName", "Greta Seite", "email", email, "password", "ein-langes-passwort"));

        assertThat(registered.status()).isEqualTo(302);
        assertThat(adminView(email).path("language").asText()).isEqualTo("de");
        assertThat(browser.get("/me/account").body()).contains("Mein Konto", "Greta Seite");
    }

    @Test
    void theAdminUsersPageShowsEachAccountsLanguage() {
        var email = email("shown");
        registerWith(email, "de", null);
        var admin = BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);

        var page = admin.get("/admin/users?email=" + email);

        assertThat(page.body()).contains("data-language=\"de\"", "Deutsch");
    }

    private static String email(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    /** Registers over the API as a browser asking for the given languages would, optionally naming one. */
    private ApiClient.Response registerWith(String email, String acceptLanguage, String language) {
        var body = new HashMap<String, Object>(
                Map.of("email", email, "password", ApiClient.USER_PASSWORD, "displayName", "Lang User"));
        if (language != null) {
            body.put("language", language);
        }
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/users"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (!acceptLanguage.isEmpty()) {
            request.header("Accept-Language", acceptLanguage);
        }
        try {
            var response = HTTP.send(
                    request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode adminView(String email) {
        var found = api.get("/api/admin/users?email=" + email, adminToken()).json();
        assertThat(found).as("accounts with " + email).hasSize(1);
        return found.get(0);
    }
}
