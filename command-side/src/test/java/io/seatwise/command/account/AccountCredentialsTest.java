package io.seatwise.command.account;

import static io.seatwise.command.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal.Plain;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.AccountRegistered;
import io.seatwise.api.account.ChangePassword;
import io.seatwise.api.account.EmailVerified;
import io.seatwise.api.account.Language;
import io.seatwise.api.account.PasswordChanged;
import io.seatwise.api.account.RegisterAccount;
import io.seatwise.api.account.RequestEmailVerification;
import io.seatwise.api.account.RequestPasswordReset;
import io.seatwise.api.account.ResetPassword;
import io.seatwise.api.account.Role;
import io.seatwise.api.account.VerifyEmail;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import io.seatwise.command.MigratedDatabase;
import io.seatwise.command.StoredMessages;
import io.seatwise.command.account.AccountTokens.Purpose;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Verified addresses and passwords, as the account decides them: over a real SQLite file migrated by the application's
 * migrations, where the directory and the links' token hashes live. Each fixture runs at a fixed moment, so that a
 * link's age is the difference between two fixtures' clocks.
 */
class AccountCredentialsTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final AccountId ACCOUNT = AccountId.of("account-1");
    private static final String EMAIL = "ada@example.org";
    private static final String PASSWORD_HASH = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
    private static final String NEW_HASH = "$2a$10$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01";

    @TempDir
    Path dataDir;

    private JdbcTemplate jdbc;
    private AccountDirectory directory;
    private AccountTokens tokens;

    @BeforeEach
    void setUp() {
        jdbc = MigratedDatabase.in(dataDir);
        directory = new AccountDirectory(jdbc);
        tokens = new AccountTokens(jdbc);
    }

    @Test
    void aNewAccountIsNotVerified() {
        at(NOW).givenNoPriorActivity()
                .when(new RegisterAccount(ACCOUNT, EMAIL, "Ada", PASSWORD_HASH, Role.USER, "en"))
                .expectEvents(registered(false));

        assertThat(directory.isEmailVerified(ACCOUNT)).isFalse();
        assertThat(directory.standingOf(ACCOUNT)).hasValue(new Standing(Role.USER, 0, false));
    }

    @Test
    void anAddressTheOperatorChoseIsVerifiedFromTheStart() {
        at(NOW).givenNoPriorActivity()
                .when(new RegisterAccount(ACCOUNT, EMAIL, "Ada", PASSWORD_HASH, Role.ADMIN, "en", true))
                .expectEvents(new AccountRegistered(ACCOUNT, EMAIL, "Ada", Role.ADMIN, NOW, Language.EN, true));

        assertThat(directory.isEmailVerified(ACCOUNT)).isTrue();
        assertThat(directory.find(ACCOUNT))
                .hasValueSatisfying(entry -> assertThat(entry.emailVerified()).isTrue());
    }

    @Test
    void aVerificationLinkIsKeptAsTheHashOfItsTokenOnly() {
        givenRegistered();
        var token = AccountTokens.newToken();

        at(NOW).given(registered(false))
                .when(new RequestEmailVerification(ACCOUNT, AccountTokens.hash(token)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        assertThat(tokens.ownerOf(AccountTokens.hash(token), Purpose.VERIFY_EMAIL))
                .hasValue(ACCOUNT);
        assertThat(tokens.ownerOf(AccountTokens.hash(token), Purpose.RESET_PASSWORD))
                .isEmpty();
        assertThat(jdbc.queryForList("SELECT token_hash FROM account_tokens", String.class))
                .containsExactly(AccountTokens.hash(token))
                .doesNotContain(token);
    }

    @Test
    void followingTheLinkVerifiesTheAddress() {
        givenRegistered();
        var token = linkMailed(Purpose.VERIFY_EMAIL, NOW);

        at(NOW.plusSeconds(30))
                .given(registered(false))
                .when(new VerifyEmail(ACCOUNT, AccountTokens.hash(token)))
                .expectEvents(new EmailVerified(ACCOUNT, NOW.plusSeconds(30)));

        assertThat(directory.isEmailVerified(ACCOUNT)).isTrue();
        assertThat(directory.standingOf(ACCOUNT)).hasValue(new Standing(Role.USER, 0, true));
    }

    @Test
    void aLinkVerifiesOnce() {
        givenRegistered();
        var token = linkMailed(Purpose.VERIFY_EMAIL, NOW);
        at(NOW).given(registered(false)).when(new VerifyEmail(ACCOUNT, AccountTokens.hash(token)));

        at(NOW).given(registered(false), new EmailVerified(ACCOUNT, NOW))
                .when(new VerifyEmail(ACCOUNT, AccountTokens.hash(token)))
                .expectException(refused(Plain.INVALID_TOKEN))
                .expectNoEvents();
    }

    @Test
    void anEarlierLinkStopsWorkingOnceAnotherVerified() {
        givenRegistered();
        var first = linkMailed(Purpose.VERIFY_EMAIL, NOW);
        var second = linkMailed(Purpose.VERIFY_EMAIL, NOW.plus(Duration.ofMinutes(2)));
        at(NOW.plus(Duration.ofMinutes(3)))
                .given(registered(false))
                .when(new VerifyEmail(ACCOUNT, AccountTokens.hash(second)))
                .expectSuccessfulHandlerExecution();

        // as if the account had not been verified meanwhile: the link itself is used up
        assertThat(tokens.redeem(ACCOUNT, Purpose.VERIFY_EMAIL, AccountTokens.hash(first), NOW.plusSeconds(240)))
                .isFalse();
    }

    @Test
    void anUnknownLinkIsRefused() {
        givenRegistered();

        at(NOW).given(registered(false))
                .when(new VerifyEmail(ACCOUNT, AccountTokens.hash(AccountTokens.newToken())))
                .expectException(refused(Plain.INVALID_TOKEN))
                .expectNoEvents();
        assertThat(directory.isEmailVerified(ACCOUNT)).isFalse();
    }

    @Test
    void aVerificationLinkExpiresAfterSevenDays() {
        givenRegistered();
        var token = linkMailed(Purpose.VERIFY_EMAIL, NOW);

        at(NOW.plus(Duration.ofDays(7)))
                .given(registered(false))
                .when(new VerifyEmail(ACCOUNT, AccountTokens.hash(token)))
                .expectException(refused(Plain.INVALID_TOKEN))
                .expectNoEvents();
    }

    @Test
    void aResetLinkDoesNotVerify() {
        givenRegistered();
        var token = linkMailed(Purpose.RESET_PASSWORD, NOW);

        at(NOW).given(registered(false))
                .when(new VerifyEmail(ACCOUNT, AccountTokens.hash(token)))
                .expectException(refused(Plain.INVALID_TOKEN))
                .expectNoEvents();
    }

    @Test
    void aVerifiedAddressIsSentNoLink() {
        at(NOW).given(registered(true))
                .when(new RequestEmailVerification(ACCOUNT, AccountTokens.hash(AccountTokens.newToken())))
                .expectException(refused(Plain.EMAIL_ALREADY_VERIFIED));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_tokens", Integer.class))
                .isZero();
    }

    @Test
    void linksAreMailedAtMostOnceAMinute() {
        givenRegistered();
        linkMailed(Purpose.VERIFY_EMAIL, NOW);

        at(NOW.plusSeconds(59))
                .given(registered(false))
                .when(new RequestEmailVerification(ACCOUNT, AccountTokens.hash(AccountTokens.newToken())))
                .expectException(refused(Plain.TOO_MANY_MAILS));
        at(NOW.plusSeconds(60))
                .given(registered(false))
                .when(new RequestEmailVerification(ACCOUNT, AccountTokens.hash(AccountTokens.newToken())))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void atMostFiveVerificationLinksAndThreeResetLinksGoOutInAnHour() {
        givenRegistered();
        for (int minute = 0; minute < 5; minute++) {
            linkMailed(Purpose.VERIFY_EMAIL, NOW.plus(Duration.ofMinutes(minute * 2L)));
        }
        for (int minute = 0; minute < 3; minute++) {
            linkMailed(Purpose.RESET_PASSWORD, NOW.plus(Duration.ofMinutes(minute * 2L)));
        }

        at(NOW.plus(Duration.ofMinutes(30)))
                .given(registered(false))
                .when(new RequestEmailVerification(ACCOUNT, AccountTokens.hash(AccountTokens.newToken())))
                .expectException(refused(Plain.TOO_MANY_MAILS));
        at(NOW.plus(Duration.ofMinutes(30)))
                .given(registered(false))
                .when(new RequestPasswordReset(ACCOUNT, AccountTokens.hash(AccountTokens.newToken())))
                .expectException(refused(Plain.TOO_MANY_MAILS));
        at(NOW.plus(Duration.ofMinutes(61)))
                .given(registered(false))
                .when(new RequestEmailVerification(ACCOUNT, AccountTokens.hash(AccountTokens.newToken())))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aChangedPasswordIsKeptWithANewCredentialVersionAndNeverInTheEvent() {
        givenRegistered();

        at(NOW).given(registered(false))
                .when(new ChangePassword(ACCOUNT, NEW_HASH))
                .expectEventsMatching(exactSequenceOf(storedWithout(NEW_HASH), andNoMore()))
                .expectEvents(new PasswordChanged(ACCOUNT, NOW, false));

        assertThat(directory.findByEmail(EMAIL)).hasValueSatisfying(credentials -> {
            assertThat(credentials.passwordHash()).isEqualTo(NEW_HASH);
            assertThat(credentials.credentialVersion()).isOne();
        });
        assertThat(directory.standingOf(ACCOUNT).orElseThrow().credentialVersion())
                .isOne();
    }

    @Test
    void aResetLinkSetsTheNewPasswordOnceAndVerifiesTheAddress() {
        givenRegistered();
        var token = linkMailed(Purpose.RESET_PASSWORD, NOW);

        at(NOW.plus(Duration.ofMinutes(59)))
                .given(registered(false))
                .when(new ResetPassword(ACCOUNT, AccountTokens.hash(token), NEW_HASH))
                .expectEvents(
                        new PasswordChanged(ACCOUNT, NOW.plus(Duration.ofMinutes(59)), true),
                        new EmailVerified(ACCOUNT, NOW.plus(Duration.ofMinutes(59))));
        assertThat(directory.findByEmail(EMAIL).orElseThrow().passwordHash()).isEqualTo(NEW_HASH);
        assertThat(directory.isEmailVerified(ACCOUNT)).isTrue();

        at(NOW.plus(Duration.ofMinutes(59)))
                .given(registered(false))
                .when(new ResetPassword(ACCOUNT, AccountTokens.hash(token), PASSWORD_HASH))
                .expectException(refused(Plain.INVALID_TOKEN))
                .expectNoEvents();
        assertThat(directory.findByEmail(EMAIL).orElseThrow().passwordHash()).isEqualTo(NEW_HASH);
    }

    @Test
    void aResetLinkExpiresAfterAnHour() {
        givenRegistered();
        var token = linkMailed(Purpose.RESET_PASSWORD, NOW);

        at(NOW.plus(Duration.ofHours(1)))
                .given(registered(true))
                .when(new ResetPassword(ACCOUNT, AccountTokens.hash(token), NEW_HASH))
                .expectException(refused(Plain.INVALID_TOKEN))
                .expectNoEvents();
        assertThat(directory.findByEmail(EMAIL).orElseThrow().passwordHash()).isEqualTo(PASSWORD_HASH);
        assertThat(directory.standingOf(ACCOUNT).orElseThrow().credentialVersion())
                .isZero();
    }

    @Test
    void aResetOfAVerifiedAccountOnlyChangesThePassword() {
        givenRegistered();
        var token = linkMailed(Purpose.RESET_PASSWORD, NOW);

        at(NOW).given(registered(true))
                .when(new ResetPassword(ACCOUNT, AccountTokens.hash(token), NEW_HASH))
                .expectEvents(new PasswordChanged(ACCOUNT, NOW, true));
    }

    @Test
    void bookingAndReviewingWaitForAVerifiedAddressWhileVerificationIsRequired() throws Exception {
        givenRegistered();
        var booking = new BookSeats(EventId.of("event-1"), BookingId.next(), ACCOUNT, List.of(1));
        var required = new VerifiedEmails(new AccountRules(true), directory);
        var notRequired = new VerifiedEmails(new AccountRules(false), directory);

        assertThatThrownBy(() -> intercept(required, booking))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refusal -> assertThat(refusal.refusal()).isEqualTo(Plain.EMAIL_NOT_VERIFIED));
        assertThat(intercept(notRequired, booking)).isEqualTo("handled");

        var token = linkMailed(Purpose.VERIFY_EMAIL, NOW);
        at(NOW).given(registered(false)).when(new VerifyEmail(ACCOUNT, AccountTokens.hash(token)));
        assertThat(intercept(required, booking)).isEqualTo("handled");
    }

    @Test
    void commandsThatNeedNoVerifiedAddressPass() throws Exception {
        givenRegistered();
        var required = new VerifiedEmails(new AccountRules(true), directory);

        assertThat(intercept(required, new ChangePassword(ACCOUNT, NEW_HASH))).isEqualTo("handled");
    }

    private static Object intercept(VerifiedEmails interceptor, Object command) throws Exception {
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command));
        try {
            return interceptor.handle(unitOfWork, () -> "handled");
        } finally {
            unitOfWork.rollback();
        }
    }

    private String linkMailed(Purpose purpose, Instant at) {
        var token = AccountTokens.newToken();
        var command = purpose == Purpose.VERIFY_EMAIL
                ? new RequestEmailVerification(ACCOUNT, AccountTokens.hash(token))
                : new RequestPasswordReset(ACCOUNT, AccountTokens.hash(token));
        at(at).given(registered(false)).when(command).expectSuccessfulHandlerExecution();
        return token;
    }

    private static AccountRegistered registered(boolean verified) {
        return new AccountRegistered(ACCOUNT, EMAIL, "Ada", Role.USER, NOW, Language.EN, verified);
    }

    private void givenRegistered() {
        at(NOW).givenNoPriorActivity()
                .when(new RegisterAccount(ACCOUNT, EMAIL, "Ada", PASSWORD_HASH, Role.USER, "en"))
                .expectSuccessfulHandlerExecution();
    }

    private FixtureConfiguration<Account> at(Instant now) {
        return new AggregateTestFixture<>(Account.class)
                .registerInjectableResource(directory)
                .registerInjectableResource(tokens)
                .registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Matcher<EventMessage<?>> storedWithout(String secret) {
        var serializer = StoredMessages.serializer();
        return predicate(event -> !serializer
                .serialize(event.getPayload(), String.class)
                .getData()
                .contains(secret));
    }
}
