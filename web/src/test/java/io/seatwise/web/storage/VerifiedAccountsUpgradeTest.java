package io.seatwise.web.storage;

import static io.seatwise.web.ApplicationTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.StandaloneApplication;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of a release before addresses were verified (the fixture of {@link LayoutsUpgradeTest}, whose accounts
 * are {@code AccountRegistered} of revision 1) upgrades in place with verification required: its accounts count as
 * verified (through the upcaster, and in the directory, which V13 fills so), book and review as before, and change
 * their password; an account opened now must follow its link first. A new database's first admin and demo guest are
 * verified from the start.
 */
class VerifiedAccountsUpgradeTest {

    private static final String ACCOUNT_REGISTERED = "io.seatwise.api.account.AccountRegistered";
    private static final String VERIFY = "--seatwise.accounts.verify-email=true";

    @TempDir
    Path dataDir;

    @Test
    void accountsOfTheReleaseBeforeCountAsVerifiedAndNewOnesVerifyTheirAddress() throws SQLException {
        ReleasedDatabase.unpackSqlite("fixtures/release-a3664d8/", dataDir);
        assertThat(revisionsOf(ACCOUNT_REGISTERED)).as("the fixture's accounts").containsOnly("1");

        try (var application = StandaloneApplication.start(dataDir, VERIFY)) {
            var api = application.api();
            eventually(() -> api.event(LayoutsUpgradeTest.GALA_ID).isPresent());
            var admin = api.token(LayoutsUpgradeTest.ADMIN, LayoutsUpgradeTest.ADMIN_PASSWORD);
            assertThat(verified(api, admin, LayoutsUpgradeTest.CARLA)).isTrue();
            assertThat(verified(api, admin, LayoutsUpgradeTest.DEMO)).isTrue();
            assertThat(verified(api, admin, LayoutsUpgradeTest.ADMIN)).isTrue();

            var carla = api.token(LayoutsUpgradeTest.CARLA, LayoutsUpgradeTest.CARLA_PASSWORD);
            var booked = api.book(carla, LayoutsUpgradeTest.GALA_ID, List.of(25));
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            var reviewed = api.post(
                    "/api/events/" + LayoutsUpgradeTest.GALA_ID + "/reviews",
                    Map.of("rating", 4, "text", "Still here after the upgrade"),
                    carla);
            assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(201);
            var changed = api.put(
                    "/api/me/password",
                    Map.of("currentPassword", LayoutsUpgradeTest.CARLA_PASSWORD, "newPassword", "carla-upgraded-pw"),
                    carla);
            assertThat(changed.status()).as(changed.body()).isEqualTo(204);
            assertThat(api.get("/api/me/bookings", carla).status()).isEqualTo(401);
            assertThat(api.book(
                                    api.token(LayoutsUpgradeTest.CARLA, "carla-upgraded-pw"),
                                    LayoutsUpgradeTest.GALA_ID,
                                    List.of(26))
                            .status())
                    .isEqualTo(201);

            var email = "newcomer-" + System.nanoTime() + "@example.com";
            var created = api.post(
                    "/api/users", Map.of("email", email, "password", ApiClient.USER_PASSWORD, "displayName", "Newt"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            var newt = api.token(email, ApiClient.USER_PASSWORD);
            assertThat(api.book(newt, LayoutsUpgradeTest.GALA_ID, List.of(27)).status())
                    .isEqualTo(403);
            // mail is not configured in the fixture: the link is kept for /admin/mail
            var token = new String[1];
            eventually(() -> (token[0] = mailedToken(email)) != null);
            assertThat(api.post("/api/users/verify", Map.of("token", token[0])).status())
                    .isEqualTo(204);
            assertThat(api.book(newt, LayoutsUpgradeTest.GALA_ID, List.of(27)).status())
                    .isEqualTo(201);
        }

        assertThat(revisionsOf(ACCOUNT_REGISTERED))
                .as("stored events never change; the test's admin and the newcomer were opened at this start")
                .containsExactlyInAnyOrder("1", "1", "1", "3", "3");
        assertThat(revisionsOf("io.seatwise.api.account.EmailVerified")).containsExactly("1");
        assertThat(revisionsOf("io.seatwise.api.account.PasswordChanged")).containsExactly("1");
    }

    @Test
    void theFirstAdminAndTheDemoGuestOfANewDatabaseAreVerified() {
        try (var application = StandaloneApplication.start(dataDir, VERIFY, "--seatwise.demo=true")) {
            var api = application.api();
            var admin = api.token(ApplicationTest.ADMIN_EMAIL, ApplicationTest.ADMIN_PASSWORD);
            assertThat(verified(api, admin, ApplicationTest.ADMIN_EMAIL)).isTrue();
            assertThat(verified(api, admin, "demo@seatwise.local")).isTrue();

            var venue = api.createVenue(admin, "Demo Annex", 1, 4);
            var event =
                    api.scheduleEvent(admin, venue, "Demo Encore", Instant.now().plus(3, ChronoUnit.DAYS));
            var demo = api.token("demo@seatwise.local", "seatwise-demo");
            var booked = api.book(demo, event, List.of(1));
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        }
    }

    private static boolean verified(ApiClient api, String admin, String email) {
        var found = api.get("/api/admin/users?email=" + email, admin).json();
        assertThat(found).hasSize(1);
        return found.get(0).path("verified").asBoolean();
    }

    /** The token of the verification link kept for the address, once it is written; null before. */
    private String mailedToken(String email) {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("seatwise-read-models.db"));
                var query = connection.prepareStatement(
                        "SELECT text_body FROM mail_outbox WHERE kind = 'EMAIL_VERIFICATION' AND recipient = ?")) {
            query.setString(1, email);
            try (var rows = query.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                var link = ApplicationTest.VERIFICATION_LINK.matcher(rows.getString(1));
                return link.find() ? link.group(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private List<String> revisionsOf(String payloadType) throws SQLException {
        var revisions = new ArrayList<String>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("seatwise.db"));
                var query = connection.prepareStatement(
                        "SELECT coalesce(payloadRevision, 'none') FROM DomainEventEntry WHERE payloadType = ?")) {
            query.setString(1, payloadType);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    revisions.add(rows.getString(1));
                }
            }
        }
        return revisions;
    }
}
