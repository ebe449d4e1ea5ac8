package io.seatwise.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.Role;
import io.seatwise.command.account.AccountDirectory;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The role an account holds now, for API tokens and browser sessions: a token names the roles it was issued with and
 * a session keeps those it signed in with, but their powers come from here on every request, so a changed role never
 * keeps old powers until the token expires or the session ends. Remembered for
 * {@link #REMEMBER_FOR} so that a client's rush of requests reads the directory about once a second; a change made
 * on this node is forgotten at once, one made on another node of a cluster counts here within that second.
 */
@Component
public class CurrentRoles {

    static final Duration REMEMBER_FOR = Duration.ofSeconds(1);

    private final AccountDirectory directory;
    private final Cache<AccountId, Optional<Role>> roles = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(REMEMBER_FOR)
            .build();

    CurrentRoles(AccountDirectory directory) {
        this.directory = directory;
    }

    /** Empty for an account that the directory does not know. */
    Optional<Role> of(AccountId accountId) {
        return roles.get(accountId, directory::roleOf);
    }

    /** Called once a role change is stored, so that this node's next request sees it. */
    public void changed(AccountId accountId) {
        roles.invalidate(accountId);
    }
}
