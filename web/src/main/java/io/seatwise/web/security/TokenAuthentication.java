package io.seatwise.web.security;

import io.seatwise.api.account.AccountId;
import io.seatwise.command.account.Standing;
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
 * account the directory does not know is refused (401), and so is a token issued before the account's password last
 * changed: it names an older credential version ({@value TokenService#CREDENTIAL_VERSION_CLAIM}; tokens issued before
 * versions existed name none, which is version 0).
 */
final class TokenAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Function<AccountId, Optional<Standing>> standing;

    TokenAuthentication(Function<AccountId, Optional<Standing>> standing) {
        this.standing = standing;
    }

    /** The account's role and credential version now; empty for an account that the directory does not know. */
    Optional<Standing> standingOf(AccountId accountId) {
        return standing.apply(accountId);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        var now = standingOf(AccountId.of(jwt.getSubject()))
                .orElseThrow(() -> new InvalidBearerTokenException("The token's account does not exist"));
        // a newer version than this node remembers was stored on another node a moment ago: the token is good
        if (credentialVersionOf(jwt) < now.credentialVersion()) {
            throw new InvalidBearerTokenException("The account's password has changed since this token was issued");
        }
        return new JwtAuthenticationToken(jwt, SeatwiseUser.authoritiesOf(now.role()), jwt.getSubject());
    }

    static int credentialVersionOf(Jwt jwt) {
        return jwt.getClaim(TokenService.CREDENTIAL_VERSION_CLAIM) instanceof Number version ? version.intValue() : 0;
    }
}
