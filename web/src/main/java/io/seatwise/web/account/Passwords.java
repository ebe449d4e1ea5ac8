package io.seatwise.web.account;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.ChangePassword;
import io.seatwise.api.account.RequestPasswordReset;
import io.seatwise.api.account.ResetPassword;
import io.seatwise.command.account.AccountDirectory;
import io.seatwise.command.account.AccountEntry;
import io.seatwise.command.account.AccountTokens;
import io.seatwise.command.account.AccountTokens.Purpose;
import io.seatwise.web.mail.AccountMails;
import io.seatwise.web.security.CurrentRoles;
import io.seatwise.web.security.SignInThrottle;
import io.seatwise.web.throttle.TooManyAttempts;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Changing a password (the current one required) and resetting a forgotten one by a mailed link, for the pages and
 * the API alike. Either gives the account's credentials a new version, which ends its other sessions and refuses its
 * older API tokens from their next request on ({@code security/CurrentRoleFilter}, {@code TokenAuthentication}).
 *
 * <p>A reset is asked for by an address, and the answer must not tell whether an account has it: not by its content,
 * not by its time. So the request is only handed to a worker of its own and answered at once, known address or not;
 * the worker mails a link when there is an account to mail (at most three an hour, a minute apart).
 */
@Service
class Passwords {

    private static final Logger log = LoggerFactory.getLogger(Passwords.class);
    private static final int WAITING_REQUESTS = 1_000;

    private final CommandGateway commands;
    private final AccountDirectory directory;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final CurrentRoles standings;
    private final SignInThrottle throttle;
    private final ExecutorService resetRequests = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING_REQUESTS),
            runnable -> {
                var thread = new Thread(runnable, "password-resets");
                thread.setDaemon(true);
                return thread;
            },
            // a flood beyond the queue is dropped: every request is answered alike all the same
            new ThreadPoolExecutor.DiscardPolicy());

    Passwords(
            CommandGateway commands,
            AccountDirectory directory,
            AccountTokens tokens,
            AccountMails mails,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            CurrentRoles standings,
            SignInThrottle throttle) {
        this.commands = commands;
        this.directory = directory;
        this.tokens = tokens;
        this.mails = mails;
        this.encoder = encoder;
        this.policy = policy;
        this.standings = standings;
        this.throttle = throttle;
    }

    /**
     * A new password for the signed-in account: 403 {@code wrong-password} unless {@code current} is its password,
     * 400 when the new one breaks a rule of registration's. Wrong current passwords count as wrong passwords at
     * sign-in do, per account and client ({@link SignInThrottle}): beyond them the client must wait
     * ({@link TooManyAttempts}), so a stolen session or token cannot guess the password.
     */
    void change(AccountId accountId, String current, String next, String client) {
        var account = account(accountId);
        var credentials = directory.findByEmail(account.email()).orElseThrow();
        throttle.attempt(account.email(), client).ifPresent(wait -> {
            throw new TooManyAttempts(wait);
        });
        if (current == null || !encoder.matches(current, credentials.passwordHash())) {
            throw new DomainException(Refusal.Plain.WRONG_PASSWORD, "The current password is wrong");
        }
        throttle.succeeded(account.email(), client);
        policy.check(next, account.email(), account.displayName(), "newPassword");
        commands.sendAndWait(new ChangePassword(accountId, encoder.encode(next)));
        standings.changed(accountId);
    }

    /** Answers at once, whoever has the address; a link is mailed later if someone does. */
    void requestReset(String email) {
        resetRequests.execute(() -> mailResetLink(email));
    }

    /**
     * A new password by a reset link's token: 400 {@code invalid-token} if the token is unknown, used or expired, 400
     * when the password breaks a rule of registration's. Every session and token of the account ends.
     */
    void reset(String token, String next) {
        var hash = EmailVerification.hashOf(token);
        var owner = tokens.ownerOf(hash, Purpose.RESET_PASSWORD).orElseThrow(EmailVerification::invalid);
        var account = account(owner);
        policy.check(next, account.email(), account.displayName(), "newPassword");
        commands.sendAndWait(new ResetPassword(owner, hash, encoder.encode(next)));
        standings.changed(owner);
    }

    private void mailResetLink(String email) {
        try {
            directory
                    .findByEmail(email)
                    .flatMap(found -> directory.find(found.accountId()))
                    .ifPresent(account -> {
                        var token = AccountTokens.newToken();
                        commands.sendAndWait(new RequestPasswordReset(account.accountId(), AccountTokens.hash(token)));
                        mails.passwordReset(account, token);
                    });
        } catch (DomainException tooMany) {
            // a link went out a moment ago, or three this hour: the mailbox is not filled for whoever asks
            log.info("No reset link mailed: {}", tooMany.getMessage());
        } catch (RuntimeException failure) {
            log.warn("Could not mail a reset link", failure);
        }
    }

    private AccountEntry account(AccountId accountId) {
        return directory
                .find(accountId)
                .orElseThrow(() -> new DomainException(Refusal.Plain.NO_SUCH_ACCOUNT, "No such account"));
    }

    @PreDestroy
    void stop() {
        resetRequests.shutdownNow();
    }
}
