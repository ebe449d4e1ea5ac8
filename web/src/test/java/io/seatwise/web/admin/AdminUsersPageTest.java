package io.seatwise.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin users page over real HTTP, with form login and CSRF tokens as a browser sends them. */
class AdminUsersPageTest extends ApplicationTest {

    @Test
    void adminFindsAUserAndMakesThemStaff() {
        var email = "page-staff-" + System.nanoTime() + "@example.org";
        var id = api.register(email, ApiClient.USER_PASSWORD, "Stan");
        var admin = BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/users\"");

        var found = admin.get("/admin/users?email=" + email.toUpperCase());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("data-account=\"" + id + "\"", email, "Stan");

        var saved = admin.post("/admin/users/" + id + "/role", Map.of("role", "STAFF", "email", email));
        assertThat(saved.status()).isEqualTo(302);
        var after = admin.get(admin.path(saved.location()));
        assertThat(after.body()).contains("The role is saved.", email);
        assertThat(after.body()).containsPattern("data-field=\"role\">Staff<");
        assertThat(api.get("/api/admin/users?email=" + email, adminToken()).body())
                .contains("\"STAFF\"");
    }

    @Test
    void adminCannotDemoteThemselvesOnThePage() {
        var admin = BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);
        var self = api.get("/api/admin/users?email=" + ADMIN_EMAIL, adminToken())
                .json()
                .get(0)
                .path("id")
                .asText();
        admin.get("/admin/users?email=" + ADMIN_EMAIL);

        var refused = admin.post("/admin/users/" + self + "/role", Map.of("role", "USER", "email", ADMIN_EMAIL));

        assertThat(admin.get(admin.path(refused.location())).body())
                .contains("You cannot take the admin role from yourself");
        assertThat(admin.get("/admin").status()).isEqualTo(200);
    }

    @Test
    void pageSpeaksGerman() {
        var admin = BrowserSession.signedIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);

        var page = admin.get("/admin/users?lang=de&email=" + ADMIN_EMAIL);

        assertThat(page.body()).contains("Konten und Rollen", "Rolle ändern");
    }

    @Test
    void onlyAdminsReachThePage() {
        var anonymous = new BrowserSession(port);
        assertThat(anonymous.get("/admin/users").location()).endsWith("/login");
        var user = BrowserSession.signedInUser(api, "Ursula");
        assertThat(user.get("/admin/users").status()).isEqualTo(403);
        assertThat(user.post("/admin/users/x/role", Map.of("role", "ADMIN")).status())
                .isEqualTo(403);
    }

    @Test
    void signedInUserHasTheNewRoleOnTheirNextRequest() {
        var email = "page-admin-" + System.nanoTime() + "@example.org";
        var id = api.register(email, ApiClient.USER_PASSWORD, "Ada");
        var browser = BrowserSession.signedIn(api, email, ApiClient.USER_PASSWORD);
        assertThat(browser.get("/admin").status()).isEqualTo(403);

        api.put("/api/admin/users/" + id + "/role", Map.of("role", "ADMIN"), adminToken());
        assertThat(browser.get("/admin").status()).isEqualTo(200);

        api.put("/api/admin/users/" + id + "/role", Map.of("role", "STAFF"), adminToken());
        assertThat(browser.get("/admin").status()).isEqualTo(403);
        assertThat(browser.get("/me/bookings").status()).isEqualTo(200);
        assertThat(BrowserSession.signedIn(api, email, ApiClient.USER_PASSWORD)
                        .get("/admin")
                        .status())
                .isEqualTo(403);
    }
}
