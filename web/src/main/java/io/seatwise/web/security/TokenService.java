package io.seatwise.web.security;

import io.seatwise.web.SeatwiseProperties;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Issues the API's bearer tokens: HMAC-signed JWTs naming the account, its roles and the version of its credentials,
 * which a change of password moves on (see {@link TokenAuthentication}).
 */
@Service
public class TokenService {

    static final String ISSUER = "seatwise";
    static final String ROLES_CLAIM = "roles";
    static final String CREDENTIAL_VERSION_CLAIM = "cv";

    private final JwtEncoder encoder;
    private final SeatwiseProperties properties;
    private final Clock clock;

    TokenService(JwtEncoder encoder, SeatwiseProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    public IssuedToken issue(SeatwiseUser user) {
        var issuedAt = clock.instant();
        var expiresAt = issuedAt.plus(properties.tokenTtl());
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user.accountId().value())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim("email", user.getUsername())
                .claim(CREDENTIAL_VERSION_CLAIM, user.credentialVersion())
                .claim(
                        ROLES_CLAIM,
                        user.getAuthorities().stream()
                                .map(authority -> authority.getAuthority().substring("ROLE_".length()))
                                .toList())
                .build();
        var header = JwsHeader.with(MacAlgorithm.HS256).build();
        return new IssuedToken(
                encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue(), expiresAt);
    }

    public record IssuedToken(String token, Instant expiresAt) {}
}
