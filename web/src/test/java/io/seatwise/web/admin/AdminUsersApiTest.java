package io.seatwise.web.admin;

import static io.seatwise.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admins' account routes over real HTTP: finding accounts, changing roles, and what a changed role can do. */
class AdminUsersApiTest extends ApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void adminFindsAccountsByPartOfTheEmailInAnyCase() {
        var tag = "find" + System.nanoTime();
        var id = api.register("Sam." + tag + "@Example.org", ApiClient.USER_PASSWORD, "Sam Steward");

        var found = api.get("/api/admin/users?email=SAM." + tag.toUpperCase(), adminToken());

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json()).hasSize(1);
        var account = found.json().get(0);
        assertThat(account.path("id").asText()).isEqualTo(id);
        assertThat(account.path("email").asText()).isEqualTo("Sam." + tag + "@Example.org");
        assertThat(account.path("displayName").asText()).isEqualTo("Sam Steward");
        assertThat(account.path("role").asText()).isEqualTo("USER");
        assertThat(account.path("verified").asBoolean(true)).isFalse();
    }

    @Test
    void searchAnswersAtMostFiftyAccounts() {
        var tag = "many" + System.nanoTime();
        for (int i = 0; i < UserAdministration.MAX_RESULTS + 1; i++) {
            api.register(tag + "-" + i + "@example.org", ApiClient.USER_PASSWORD, "Many " + i);
        }

        var found = api.get("/api/admin/users?email=" + tag, adminToken());

        assertThat(found.json()).hasSize(UserAdministration.MAX_RESULTS);
    }

    @Test
    void searchForNothingKnownIsEmpty() {
        var found = api.get("/api/admin/users?email=nobody-" + UUID.randomUUID(), adminToken());

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json()).isEmpty();
    }

    @Test
    void adminMakesAUserStaff() throws IOException {
        var email = "staff-" + System.nanoTime() + "@example.org";
        var id = api.register(email, ApiClient.USER_PASSWORD, "Stella");

        var changed = changeRole(id, "STAFF", adminToken());

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("id").asText()).isEqualTo(id);
        assertThat(changed.json().path("email").asText()).isEqualTo(email);
        assertThat(changed.json().path("role").asText()).isEqualTo("STAFF");
        assertThat(changed.json().path("verified").asBoolean(true)).isFalse();
        assertThat(rolesOf(api.token(email, ApiClient.USER_PASSWORD))).containsExactlyInAnyOrder("USER", "STAFF");
        var found = api.get("/api/admin/users?email=" + email, adminToken());
        assertThat(found.json().get(0).path("role").asText()).isEqualTo("STAFF");
    }

    @Test
    void roleIsReadInAnyCase() {
        var id = api.register("case-" + System.nanoTime() + "@example.org", ApiClient.USER_PASSWORD, "Cas");

        var changed = changeRole(id, "staff", adminToken());

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("role").asText()).isEqualTo("STAFF");
    }

    @Test
    void sameRoleAgainAnswersTheAccountUnchanged() {
        var id = api.register("same-" + System.nanoTime() + "@example.org", ApiClient.USER_PASSWORD, "Sami");

        var changed = changeRole(id, "USER", adminToken());

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("role").asText()).isEqualTo("USER");
    }

    @Test
    void promotedUsersTokenHasAdminPowersAtOnceAndLosesThemWhenDemoted() throws IOException {
        var email = "promoted-" + System.nanoTime() + "@example.org";
        var id = api.register(email, ApiClient.USER_PASSWORD, "Pia");
        var token = api.token(email, ApiClient.USER_PASSWORD);
        assertThat(api.get("/api/admin/stats", token).status()).isEqualTo(403);

        assertThat(changeRole(id, "ADMIN", adminToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/admin/stats", token).status()).isEqualTo(200);
        var fresh = api.token(email, ApiClient.USER_PASSWORD);
        assertThat(rolesOf(fresh)).containsExactlyInAnyOrder("USER", "STAFF", "ADMIN");

        assertThat(changeRole(id, "USER", adminToken()).status()).isEqualTo(200);
        assertProblem(api.get("/api/admin/stats", token), 403, "not allowed");
        assertProblem(api.get("/api/admin/stats", fresh), 403, "not allowed");
        assertThat(api.get("/api/me/bookings", fresh).status()).isEqualTo(200);
    }

    @Test
    void demotedAdminCannotChangeRolesAnyMore() {
        var email = "deputy-" + System.nanoTime() + "@example.org";
        var id = api.register(email, ApiClient.USER_PASSWORD, "Dee");
        changeRole(id, "ADMIN", adminToken());
        var deputy = api.token(email, ApiClient.USER_PASSWORD);
        var other = api.register("other-" + System.nanoTime() + "@example.org", ApiClient.USER_PASSWORD, "Oli");
        assertThat(changeRole(other, "STAFF", deputy).status()).isEqualTo(200);

        assertThat(changeRole(id, "STAFF", adminToken()).status()).isEqualTo(200);

        assertProblem(changeRole(other, "ADMIN", deputy), 403, "not allowed");
        assertProblem(api.get("/api/admin/users?email=other", deputy), 403, "not allowed");
    }

    @Test
    void adminCannotTakeTheAdminRoleFromThemselves() {
        var admin = adminToken();
        var self = api.get("/api/admin/users?email=" + ADMIN_EMAIL, admin)
                .json()
                .get(0)
                .path("id")
                .asText();

        var refused = changeRole(self, "USER", admin);

        assertProblem(refused, 409, "another admin");
        assertThat(refused.json().path("reason").asText()).isEqualTo("own-admin-role");
        assertThat(api.get("/api/admin/stats", admin).status()).isEqualTo(200);
        assertThat(changeRole(self, "ADMIN", admin).status()).isEqualTo(200);
    }

    @Test
    void unknownAccountIsNotFound() {
        var refused = changeRole(UUID.randomUUID().toString(), "STAFF", adminToken());

        assertProblem(refused, 404, "No such account");
        assertThat(refused.json().path("reason").asText()).isEqualTo("no-such-account");
        assertThat(changeRole("x".repeat(65), "STAFF", adminToken()).status()).isEqualTo(404);
    }

    @Test
    void idOfAnotherKindOfThingIsNoAccount() {
        var admin = adminToken();
        var venue = api.createVenue(admin, "Not an account", 1, 1);

        assertProblem(changeRole(venue, "STAFF", admin), 404, "No such account");
    }

    @Test
    void unknownOrMissingRoleIsRefusedWithTheChoices() {
        var id = api.register("bad-" + System.nanoTime() + "@example.org", ApiClient.USER_PASSWORD, "Bea");
        var admin = adminToken();
        var invalid = new ArrayList<ApiClient.Response>();
        invalid.add(changeRole(id, "OWNER", admin));
        invalid.add(changeRole(id, "", admin));
        invalid.add(api.put("/api/admin/users/" + id + "/role", Map.of(), admin));

        invalid.forEach(refused -> assertProblem(refused, 400, "USER, STAFF, ADMIN"));
        assertThat(invalid.get(0).json().path("reason").asText()).isEqualTo("invalid-not-a-choice");
        assertProblem(api.putRaw("/api/admin/users/" + id + "/role", "{\"role\": ", admin), 400, "not valid JSON");
        assertProblem(api.putRaw("/api/admin/users/" + id + "/role", "{\"role\": [1]}", admin), 400, "role");
        assertThat(api.get("/api/admin/users?email=bad-", admin).body()).doesNotContain("OWNER");
    }

    @Test
    void onlyAdminsMayFindAccountsOrChangeRoles() {
        var id = api.register("only-" + System.nanoTime() + "@example.org", ApiClient.USER_PASSWORD, "Ola");
        var user = api.newUserToken("Ulla");

        assertProblem(api.get("/api/admin/users?email=only", null), 401, "Sign in first");
        assertProblem(changeRole(id, "ADMIN", null), 401, "Sign in first");
        assertProblem(api.get("/api/admin/users?email=only", user), 403, "not allowed");
        assertProblem(changeRole(id, "ADMIN", user), 403, "not allowed");
    }

    @Test
    void staffMayNotUseAdminRoutes() {
        var email = "door-" + System.nanoTime() + "@example.org";
        var id = api.register(email, ApiClient.USER_PASSWORD, "Dora");
        changeRole(id, "STAFF", adminToken());
        var staff = api.token(email, ApiClient.USER_PASSWORD);

        assertProblem(api.get("/api/admin/users?email=door", staff), 403, "not allowed");
        assertProblem(changeRole(id, "ADMIN", staff), 403, "not allowed");
        assertThat(api.get("/api/me/bookings", staff).status()).isEqualTo(200);
    }

    private ApiClient.Response changeRole(String accountId, String role, String token) {
        return api.put("/api/admin/users/" + accountId + "/role", Map.of("role", role), token);
    }

    /** The roles the token names (it is a JWT: its middle part is JSON in base64url). */
    private static List<String> rolesOf(String token) throws IOException {
        var payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        var roles = new ArrayList<String>();
        JSON.readTree(payload).path("roles").forEach((JsonNode role) -> roles.add(role.asText()));
        return roles;
    }
}
