package io.seatwise.command.account;

import static io.seatwise.api.ErrorCode.CONFLICT;
import static io.seatwise.api.ErrorCode.INVALID;
import static io.seatwise.command.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.AccountRegistered;
import io.seatwise.api.account.ChangeLanguage;
import io.seatwise.api.account.ChangeRole;
import io.seatwise.api.account.Language;
import io.seatwise.api.account.LanguageChanged;
import io.seatwise.api.account.RegisterAccount;
import io.seatwise.api.account.Role;
import io.seatwise.api.account.RoleChanged;
import io.seatwise.command.MigratedDatabase;
import io.seatwise.command.StoredMessages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs against a real SQLite file migrated by the application's own migrations: email uniqueness lives there. */
class AccountTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final AccountId ACCOUNT = AccountId.of("account-1");
    private static final AccountId ADMIN = AccountId.of("admin-1");
    private static final String PASSWORD_HASH = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";

    @TempDir
    Path dataDir;

    private JdbcTemplate jdbc;
    private AccountDirectory directory;
    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        jdbc = MigratedDatabase.in(dataDir);
        directory = new AccountDirectory(jdbc);
        fixture = accountFixture();
    }

    @Test
    void registeringAccountRecordsIt() {
        fixture.givenNoPriorActivity()
                .when(registerAccount(ACCOUNT, "ada@example.org"))
                .expectEvents(new AccountRegistered(
                        ACCOUNT, "ada@example.org", "Ada Lovelace", Role.USER, NOW, Language.EN, false));
    }

    @Test
    void passwordHashStaysOutOfTheEvent() {
        fixture.givenNoPriorActivity()
                .when(registerAccount(ACCOUNT, "ada@example.org"))
                .expectEventsMatching(exactSequenceOf(storedWithout(PASSWORD_HASH), andNoMore()));
    }

    @Test
    void passwordHashIsKeptInTheDirectory() {
        fixture.givenNoPriorActivity().when(registerAccount(ACCOUNT, "ada@example.org"));

        assertThat(directory.findByEmail("ada@example.org"))
                .hasValue(new Credentials(ACCOUNT, "ada@example.org", "Ada Lovelace", PASSWORD_HASH, Role.USER));
    }

    @Test
    void displayNameIsFoundByAccountId() {
        fixture.givenNoPriorActivity().when(registerAccount(ACCOUNT, "ada@example.org"));

        assertThat(directory.displayNameOf(ACCOUNT)).hasValue("Ada Lovelace");
        assertThat(directory.displayNameOf(AccountId.of("account-0"))).isEmpty();
    }

    @Test
    void emailIsTrimmedButKeepsItsCase() {
        fixture.givenNoPriorActivity()
                .when(registerAccount(ACCOUNT, "  Ada@Example.org "))
                .expectEvents(new AccountRegistered(
                        ACCOUNT, "Ada@Example.org", "Ada Lovelace", Role.USER, NOW, Language.EN, false));
    }

    @Test
    void accountIsFoundByEmailInAnyCase() {
        fixture.givenNoPriorActivity().when(registerAccount(ACCOUNT, "Ada@Example.org"));

        assertThat(directory.findByEmail("ada@EXAMPLE.ORG"))
                .hasValueSatisfying(
                        credentials -> assertThat(credentials.accountId()).isEqualTo(ACCOUNT));
    }

    @Test
    void takenEmailInOtherCaseIsRejected() {
        givenRegistered(AccountId.of("account-0"), "ada@example.org");

        fixture.givenNoPriorActivity()
                .when(registerAccount(ACCOUNT, "ADA@Example.ORG"))
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void takenEmailWithSurroundingSpacesIsRejected() {
        givenRegistered(AccountId.of("account-0"), "ada@example.org");

        fixture.givenNoPriorActivity()
                .when(registerAccount(ACCOUNT, " ada@example.org\t"))
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void takenEmailKeepsItsFirstAccount() {
        givenRegistered(AccountId.of("account-0"), "ada@example.org");

        fixture.givenNoPriorActivity().when(registerAccount(ACCOUNT, "ADA@example.org"));

        assertThat(credentialRows()).isOne();
        assertThat(directory.findByEmail("ada@example.org"))
                .hasValueSatisfying(
                        credentials -> assertThat(credentials.accountId()).isEqualTo(AccountId.of("account-0")));
    }

    @Test
    void differentEmailsMakeDifferentAccounts() {
        givenRegistered(AccountId.of("account-0"), "ada@example.org");

        fixture.givenNoPriorActivity()
                .when(registerAccount(ACCOUNT, "grace@example.org"))
                .expectSuccessfulHandlerExecution();
        assertThat(credentialRows()).isEqualTo(2);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {"", "   ", "ada", "ada@example", "@example.org", "ada@", "ada@@example.org", "ada l@example.org"
            })
    void invalidEmailIsRejected(String email) {
        fixture.givenNoPriorActivity()
                .when(registerAccount(ACCOUNT, email))
                .expectException(refused(INVALID))
                .expectNoEvents();
        assertThat(credentialRows()).isZero();
    }

    @Test
    void tooLongEmailIsRejected() {
        var email = "a".repeat(Emails.MAX_LENGTH - "@example.org".length() + 1) + "@example.org";

        fixture.givenNoPriorActivity()
                .when(registerAccount(ACCOUNT, email))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void blankDisplayNameIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccount(ACCOUNT, "ada@example.org", " ", PASSWORD_HASH, Role.USER))
                .expectException(refused(INVALID))
                .expectNoEvents();
        assertThat(credentialRows()).isZero();
    }

    @Test
    void registeringWithoutPasswordIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccount(ACCOUNT, "ada@example.org", "Ada Lovelace", "", Role.USER))
                .expectException(refused(INVALID))
                .expectNoEvents();
        assertThat(credentialRows()).isZero();
    }

    @Test
    void adminAccountCountsAsAdmin() {
        assertThat(directory.anyAdmin()).isFalse();

        fixture.givenNoPriorActivity()
                .when(new RegisterAccount(ACCOUNT, "root@example.org", "Root", PASSWORD_HASH, Role.ADMIN))
                .expectEvents(new AccountRegistered(
                        ACCOUNT, "root@example.org", "Root", Role.ADMIN, NOW, Language.EN, false));
        assertThat(directory.anyAdmin()).isTrue();
    }

    @Test
    void adminMakesAUserStaff() {
        givenRegistered(ACCOUNT, "sam@example.org");

        fixture.given(registered(ACCOUNT, Role.USER))
                .when(new ChangeRole(ACCOUNT, Role.STAFF, ADMIN))
                .expectEvents(new RoleChanged(ACCOUNT, Role.STAFF, ADMIN, NOW));
        assertThat(directory.roleOf(ACCOUNT)).hasValue(Role.STAFF);
        assertThat(directory.findByEmail("sam@example.org"))
                .hasValueSatisfying(
                        credentials -> assertThat(credentials.role()).isEqualTo(Role.STAFF));
    }

    @Test
    void changedRoleCanChangeAgain() {
        fixture.given(registered(ACCOUNT, Role.USER), new RoleChanged(ACCOUNT, Role.STAFF, ADMIN, NOW))
                .when(new ChangeRole(ACCOUNT, Role.USER, ADMIN))
                .expectEvents(new RoleChanged(ACCOUNT, Role.USER, ADMIN, NOW));
    }

    @Test
    void sameRoleAgainStoresNothing() {
        fixture.given(registered(ACCOUNT, Role.USER), new RoleChanged(ACCOUNT, Role.STAFF, ADMIN, NOW))
                .when(new ChangeRole(ACCOUNT, Role.STAFF, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void adminCannotTakeTheAdminRoleFromThemselves() {
        fixture.given(registered(ADMIN, Role.ADMIN))
                .when(new ChangeRole(ADMIN, Role.USER, ADMIN))
                .expectException(refused(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void adminMayBeDemotedByAnotherAdmin() {
        fixture.given(registered(ADMIN, Role.ADMIN))
                .when(new ChangeRole(ADMIN, Role.STAFF, ACCOUNT))
                .expectEvents(new RoleChanged(ADMIN, Role.STAFF, ACCOUNT, NOW));
    }

    @Test
    void adminMayGiveThemselvesTheAdminRoleAgain() {
        fixture.given(registered(ADMIN, Role.ADMIN))
                .when(new ChangeRole(ADMIN, Role.ADMIN, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void missingRoleIsRejected() {
        fixture.given(registered(ACCOUNT, Role.USER))
                .when(new ChangeRole(ACCOUNT, null, ADMIN))
                .expectException(refused(INVALID))
                .expectNoEvents();
    }

    @Test
    void accountRegistersWithItsLanguage() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccount(ACCOUNT, "ada@example.org", "Ada Lovelace", PASSWORD_HASH, Role.USER, "de"))
                .expectEvents(new AccountRegistered(
                        ACCOUNT, "ada@example.org", "Ada Lovelace", Role.USER, NOW, Language.DE, false));
        assertThat(directory.languageOf(ACCOUNT)).hasValue(Language.DE);
        assertThat(directory.find(ACCOUNT))
                .hasValueSatisfying(entry -> assertThat(entry.language()).isEqualTo(Language.DE));
    }

    @Test
    void languageCodeIsReadInAnyCase() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccount(ACCOUNT, "ada@example.org", "Ada Lovelace", PASSWORD_HASH, Role.USER, " DE "))
                .expectEvents(new AccountRegistered(
                        ACCOUNT, "ada@example.org", "Ada Lovelace", Role.USER, NOW, Language.DE, false));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "fr", "de-AT", "english", "e"})
    void registeringInALanguageSeatwiseDoesNotSpeakIsRejected(String language) {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccount(
                        ACCOUNT, "ada@example.org", "Ada Lovelace", PASSWORD_HASH, Role.USER, language))
                .expectException(refused(INVALID))
                .expectNoEvents();
        assertThat(credentialRows()).isZero();
    }

    @Test
    void accountChangesItsLanguage() {
        givenRegistered(ACCOUNT, "ada@example.org");

        fixture.given(registered(ACCOUNT, Role.USER))
                .when(new ChangeLanguage(ACCOUNT, "de"))
                .expectEvents(new LanguageChanged(ACCOUNT, Language.DE, NOW));
        assertThat(directory.languageOf(ACCOUNT)).hasValue(Language.DE);
    }

    @Test
    void changedLanguageCanChangeBack() {
        fixture.given(registered(ACCOUNT, Role.USER), new LanguageChanged(ACCOUNT, Language.DE, NOW))
                .when(new ChangeLanguage(ACCOUNT, "en"))
                .expectEvents(new LanguageChanged(ACCOUNT, Language.EN, NOW));
    }

    @Test
    void sameLanguageAgainStoresNothing() {
        fixture.given(registered(ACCOUNT, Role.USER), new LanguageChanged(ACCOUNT, Language.DE, NOW))
                .when(new ChangeLanguage(ACCOUNT, "de"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "fr", "deutsch", "en-GB"})
    void changingToALanguageSeatwiseDoesNotSpeakIsRejected(String language) {
        givenRegistered(ACCOUNT, "ada@example.org");

        fixture.given(registered(ACCOUNT, Role.USER))
                .when(new ChangeLanguage(ACCOUNT, language))
                .expectException(refused(INVALID))
                .expectNoEvents();
        assertThat(directory.languageOf(ACCOUNT)).hasValue(Language.EN);
    }

    @Test
    void roleOfUnknownAccountIsEmpty() {
        assertThat(directory.roleOf(AccountId.of("account-0"))).isEmpty();
    }

    @Test
    void searchFindsPartOfTheEmailInAnyCaseAndTreatsWildcardsAsText() {
        givenRegistered(AccountId.of("account-0"), "Ada@Example.org");
        givenRegistered(AccountId.of("account-2"), "grace_h@example.org");
        givenRegistered(AccountId.of("account-3"), "gracehopper@example.org");

        assertThat(directory.search("EXAMPLE", 10))
                .extracting(AccountEntry::email)
                .containsExactly("Ada@Example.org", "grace_h@example.org", "gracehopper@example.org");
        assertThat(directory.search("grace_", 10))
                .extracting(AccountEntry::email)
                .containsExactly("grace_h@example.org");
        assertThat(directory.search("%", 10)).isEmpty();
        assertThat(directory.search("", 2)).hasSize(2);
    }

    private static AccountRegistered registered(AccountId accountId, Role role) {
        return new AccountRegistered(
                accountId, accountId.value() + "@example.org", "Someone", role, NOW, Language.EN, false);
    }

    private FixtureConfiguration<Account> accountFixture() {
        return new AggregateTestFixture<>(Account.class)
                .registerInjectableResource(directory)
                .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void givenRegistered(AccountId accountId, String email) {
        accountFixture()
                .givenNoPriorActivity()
                .when(registerAccount(accountId, email))
                .expectSuccessfulHandlerExecution();
    }

    private static RegisterAccount registerAccount(AccountId accountId, String email) {
        return new RegisterAccount(accountId, email, "Ada Lovelace", PASSWORD_HASH, Role.USER);
    }

    private static Matcher<EventMessage<?>> storedWithout(String secret) {
        var serializer = StoredMessages.serializer();
        return predicate(event -> !serializer
                .serialize(event.getPayload(), String.class)
                .getData()
                .contains(secret));
    }

    private int credentialRows() {
        return jdbc.queryForObject("SELECT count(*) FROM account_credentials", Integer.class);
    }
}
