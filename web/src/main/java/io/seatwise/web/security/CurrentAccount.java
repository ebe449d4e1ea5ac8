package io.seatwise.web.security;

import io.seatwise.api.account.AccountId;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/** The account behind a request, whether it came with a bearer token or a browser session. */
public final class CurrentAccount {

    private CurrentAccount() {}

    public static AccountId of(Authentication authentication) {
        if (authentication != null) {
            if (authentication.getPrincipal() instanceof SeatwiseUser user) {
                return user.accountId();
            }
            if (authentication.getPrincipal() instanceof Jwt jwt) {
                return AccountId.of(jwt.getSubject());
            }
        }
        throw new AuthenticationCredentialsNotFoundException("Sign in first");
    }
}
