package io.seatwise.web.storage;

import static io.seatwise.web.ApplicationTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApiClient;
import io.seatwise.web.StandaloneApplication;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written before accounts had a language (the release of {@link LayoutsUpgradeTest}'s fixture, whose
 * accounts are {@code AccountRegistered} of revision 1) upgrades in place: every account reads as English (through the
 * upcaster, and in the directory and the mail group, whose new columns V11 fills with {@code en}), an old account
 * changes its language, which loads it from its revision-1 event, and its next mail is written in German.
 */
class AccountLanguagesUpgradeTest {

    private static final String ACCOUNT_REGISTERED = "io.seatwise.api.account.AccountRegistered";

    @TempDir
    Path dataDir;

    @Test
    void accountsOfTheReleaseBeforeReadAsEnglishAndMayChangeTheirLanguage() throws SQLException {
        ReleasedDatabase.unpackSqlite("fixtures/release-a3664d8/", dataDir);
        assertThat(revisionsOf(ACCOUNT_REGISTERED)).as("the fixture's accounts").containsOnly("1");

        String carlasBooking;
        String demosBooking;
        try (var application = StandaloneApplication.start(dataDir)) {
            var api = application.api();
            eventually(() -> api.event(LayoutsUpgradeTest.GALA_ID).isPresent());
            var admin = api.token(LayoutsUpgradeTest.ADMIN, LayoutsUpgradeTest.ADMIN_PASSWORD);
            assertThat(languageOf(api, admin, LayoutsUpgradeTest.CARLA)).isEqualTo("en");
            assertThat(languageOf(api, admin, LayoutsUpgradeTest.DEMO)).isEqualTo("en");

            var carla = api.token(LayoutsUpgradeTest.CARLA, LayoutsUpgradeTest.CARLA_PASSWORD);
            var changed = api.put("/api/me/language", Map.of("language", "de"), carla);
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(languageOf(api, admin, LayoutsUpgradeTest.CARLA)).isEqualTo("de");

            carlasBooking = bookingId(api.book(carla, LayoutsUpgradeTest.GALA_ID, List.of(25, 26)));
            var demo = api.token(LayoutsUpgradeTest.DEMO, LayoutsUpgradeTest.DEMO_PASSWORD);
            demosBooking = bookingId(api.book(demo, LayoutsUpgradeTest.GALA_ID, List.of(27)));

            // mail is not configured in the fixture: it is written and kept for /admin/mail
            eventually(
                    Duration.ofSeconds(20),
                    () -> written("booking-confirmation:" + carlasBooking)
                            && written("booking-confirmation:" + demosBooking));
        }

        assertThat(mail("booking-confirmation:" + carlasBooking))
                .startsWith("Ihre Plätze für Fixture Gala 2099\n")
                .contains("Guten Tag Carla")
                .contains("Reihe D, Platz 1");
        assertThat(mail("booking-confirmation:" + demosBooking))
                .startsWith("Your seats for Fixture Gala 2099\n")
                .contains("Hi Demo Guest");
        assertThat(revisionsOf(ACCOUNT_REGISTERED))
                .as("stored events never change; the test's admin was opened at this start")
                .containsExactlyInAnyOrder("1", "1", "1", "3");
        assertThat(revisionsOf("io.seatwise.api.account.LanguageChanged")).containsExactly("1");
    }

    private static String languageOf(ApiClient api, String admin, String email) {
        var found = api.get("/api/admin/users?email=" + email, admin).json();
        assertThat(found).hasSize(1);
        return found.get(0).path("language").asText();
    }

    private static String bookingId(ApiClient.Response booked) {
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().path("bookingId").asText();
    }

    private boolean written(String key) {
        try {
            return !mail(key).isEmpty();
        } catch (SQLException e) {
            return false;
        }
    }

    /** The mail's subject, a line break and its plain text, once it is written; empty before. */
    private String mail(String key) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("seatwise-read-models.db"));
                var query = connection.prepareStatement(
                        "SELECT subject, text_body FROM mail_outbox WHERE mail_key = ? AND text_body IS NOT NULL")) {
            query.setString(1, key);
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) + "\n" + rows.getString(2) : "";
            }
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
