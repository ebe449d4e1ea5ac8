package io.seatwise.web.security;

import io.seatwise.api.account.AccountId;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/** The account behind a request, whether it came with a bearer token or a browser session. */
public final class CurrentAccount {

    private CurrentAccount() {}

    public static AccountId of(Authentication authentication) {
        return find(authentication).orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in first"));
    }

    /** The account, or nothing for a visitor who has not signed in: for pages that anyone may see. */
    public static Optional<AccountId> find(Authentication authentication) {
        if (authentication != null) {
            if (authentication.getPrincipal() instanceof SeatwiseUser user) {
                return Optional.of(user.accountId());
            }
            if (authentication.getPrincipal() instanceof Jwt jwt) {
                return Optional.of(AccountId.of(jwt.getSubject()));
            }
        }
        return Optional.empty();
    }
}
