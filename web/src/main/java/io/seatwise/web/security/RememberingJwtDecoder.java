package io.seatwise.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens it has already verified, so that a client sending many requests with one token has its
 * signature checked and its claims parsed once (a tenth of a booking's CPU in a rush), not on every request. Only
 * verified tokens are remembered, keyed by their exact text; a remembered token is still refused once it expires.
 */
final class RememberingJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    RememberingJwtDecoder(JwtDecoder verifier, Clock clock, int capacity, Duration rememberFor) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfterWrite(rememberFor)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        var known = verified.getIfPresent(token);
        if (known != null && known.getExpiresAt() != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        // unknown, or expired by now: the verifier decides (and refuses an expired token as it always did)
        var jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
