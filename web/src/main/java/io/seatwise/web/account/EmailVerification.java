package io.seatwise.web.account;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.RequestEmailVerification;
import io.seatwise.api.account.VerifyEmail;
import io.seatwise.command.account.AccountDirectory;
import io.seatwise.command.account.AccountTokens;
import io.seatwise.command.account.AccountTokens.Purpose;
import io.seatwise.web.mail.AccountMails;
import io.seatwise.web.security.CurrentRoles;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Verified addresses: a link mailed at registration and on request, and following it. The account keeps the link's
 * token as a hash and decides, so that a link verifies once; the mail carries the token and nothing else does.
 */
@Service
class EmailVerification {

    private static final Logger log = LoggerFactory.getLogger(EmailVerification.class);

    /** What a link's token looks like ({@link AccountTokens#newToken()}); anything else is no token of ours. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final CommandGateway commands;
    private final AccountDirectory directory;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final CurrentRoles standings;

    EmailVerification(
            CommandGateway commands,
            AccountDirectory directory,
            AccountTokens tokens,
            AccountMails mails,
            CurrentRoles standings) {
        this.commands = commands;
        this.directory = directory;
        this.tokens = tokens;
        this.mails = mails;
        this.standings = standings;
    }

    /** The first link, right after registration: the account is opened even if it cannot be mailed now. */
    void sendAfterRegistration(AccountId accountId) {
        try {
            send(accountId);
        } catch (RuntimeException failure) {
            log.warn("Could not mail a verification link to new account {}; it may ask again", accountId, failure);
        }
    }

    /**
     * Mails a new link. Refused with {@code email-already-verified} once the address is verified, and with {@code
     * too-many-mails} when a link went out less than a minute ago or five in the last hour.
     */
    void send(AccountId accountId) {
        var account = directory
                .find(accountId)
                .orElseThrow(() -> new DomainException(Refusal.Plain.NO_SUCH_ACCOUNT, "No such account"));
        var token = AccountTokens.newToken();
        commands.sendAndWait(new RequestEmailVerification(accountId, AccountTokens.hash(token)));
        mails.emailVerification(account, token);
    }

    /** Verifies the address whose link carries the token: 400 {@code invalid-token} if it is unknown, used or old. */
    AccountId verify(String token) {
        var hash = hashOf(token);
        var owner = tokens.ownerOf(hash, Purpose.VERIFY_EMAIL).orElseThrow(EmailVerification::invalid);
        commands.sendAndWait(new VerifyEmail(owner, hash));
        standings.changed(owner);
        return owner;
    }

    /** The hash of a token as the links carry it; 400 {@code invalid-token} for text that cannot be one. */
    static String hashOf(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw invalid();
        }
        return AccountTokens.hash(token);
    }

    static DomainException invalid() {
        return new DomainException(
                Refusal.Plain.INVALID_TOKEN, "This link is not valid: it is unknown, was used already, or has expired");
    }
}
