package io.seatwise.web.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.seatwise.web.SeatwiseProperties;
import io.seatwise.web.storage.KeptSecrets;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The key that signs API tokens and what encodes and checks them. Apart from {@link SecurityConfiguration}, because
 * the key may live in the database: the filter chain's rules can then be tested without one.
 */
@Configuration
class TokenConfiguration {

    private static final Duration TOKEN_CLOCK_SKEW = Duration.ofSeconds(5);

    @Bean
    SecretKey tokenKey(SeatwiseProperties properties, KeptSecrets secrets) {
        return TokenKeys.load(properties, secrets);
    }

    @Bean
    TokenAuthentication tokenAuthentication(CurrentRoles roles) {
        return new TokenAuthentication(roles::of);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey tokenKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(tokenKey));
    }

    /**
     * Only HS256 tokens signed with the key, issued by Seatwise and not expired. The clock skew allowed between
     * nodes is a few seconds rather than Spring's minute, so that a token ends close to the time it says.
     */
    @Bean
    JwtDecoder jwtDecoder(SecretKey tokenKey) {
        var decoder = NimbusJwtDecoder.withSecretKey(tokenKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(TOKEN_CLOCK_SKEW), new JwtIssuerValidator(TokenService.ISSUER)));
        return new RememberingJwtDecoder(decoder, Clock.systemUTC(), 10_000, Duration.ofMinutes(5));
    }
}
