package io.seatwise.web.security;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.Role;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A verified token's authentication, with the powers of the role its account holds now rather than the roles the
 * token names: those were true when it was issued, and an admin may have changed the role since. A token whose
 * account the directory does not know is refused (401).
 */
final class TokenAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Function<AccountId, Optional<Role>> currentRole;

    TokenAuthentication(Function<AccountId, Optional<Role>> currentRole) {
        this.currentRole = currentRole;
    }

    /** The account's role now; empty for an account that the directory does not know. */
    Optional<Role> currentRoleOf(AccountId accountId) {
        return currentRole.apply(accountId);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        var role = currentRoleOf(AccountId.of(jwt.getSubject()))
                .orElseThrow(() -> new InvalidBearerTokenException("The token's account does not exist"));
        return new JwtAuthenticationToken(jwt, SeatwiseUser.authoritiesOf(role), jwt.getSubject());
    }
}
