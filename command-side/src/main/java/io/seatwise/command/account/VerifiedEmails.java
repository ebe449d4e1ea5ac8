package io.seatwise.command.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.RequiresVerifiedEmail;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Refuses every command that {@link RequiresVerifiedEmail} (booking, reviewing, joining a waitlist) from an account
 * whose address is not verified, while {@link AccountRules#verifyEmail()} is on: one rule on the command bus for
 * every such command, before the aggregate that decides it is loaded, so that no page or API route can get around
 * it. The answer is read in the command's transaction from the directory, where verification is written with its
 * event; a verified address stays verified, so accounts found verified are remembered and a rush of bookings reads
 * the directory once per account.
 */
@Component
public class VerifiedEmails implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final AccountRules rules;
    private final AccountDirectory directory;
    private final Cache<AccountId, Boolean> verified =
            Caffeine.newBuilder().maximumSize(100_000).build();

    VerifiedEmails(AccountRules rules, AccountDirectory directory) {
        this.rules = rules;
        this.directory = directory;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (rules.verifyEmail() && unitOfWork.getMessage().getPayload() instanceof RequiresVerifiedEmail command) {
            require(command.actor());
        }
        return chain.proceed();
    }

    /** Refuses ({@code email-not-verified}, 403) an account whose address is not verified. */
    void require(AccountId accountId) {
        if (accountId == null || verified.getIfPresent(accountId) != null) {
            return;
        }
        if (!directory.isEmailVerified(accountId)) {
            throw new DomainException(
                    Refusal.Plain.EMAIL_NOT_VERIFIED,
                    "Verify your email address first: follow the link we mailed you, or ask for a new one");
        }
        verified.put(accountId, true);
    }
}
