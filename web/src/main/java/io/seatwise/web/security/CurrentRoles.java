package io.seatwise.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.seatwise.api.account.AccountId;
import io.seatwise.command.account.AccountDirectory;
import io.seatwise.command.account.Standing;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The role an account holds now, and the version of its credentials, for API tokens and browser sessions: a token
 * names the roles and the credential version it was issued with and a session keeps those it signed in with, but
 * their powers come from here on every request, so a changed role never keeps old powers until the token expires or
 * the session ends, and a changed password ends them. Remembered for {@link #REMEMBER_FOR} so that a client's rush of
 * requests reads the directory about once a second; a change made on this node is forgotten at once, one made on
 * another node of a cluster counts here within that second.
 */
@Component
public class CurrentRoles {

    static final Duration REMEMBER_FOR = Duration.ofSeconds(1);

    private final AccountDirectory directory;
    private final Cache<AccountId, Optional<Standing>> standings = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(REMEMBER_FOR)
            .build();

    CurrentRoles(AccountDirectory directory) {
        this.directory = directory;
    }

    /** Empty for an account that the directory does not know. */
    public Optional<Standing> of(AccountId accountId) {
        return standings.get(accountId, directory::standingOf);
    }

    /** Called once a role, password or verification change is stored, so that this node's next request sees it. */
    public void changed(AccountId accountId) {
        standings.invalidate(accountId);
    }
}
