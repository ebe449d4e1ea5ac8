package io.seatwise.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** A token's powers are those of its account's role now, not of the roles written into it when it was issued. */
class TokenAuthenticationTest {

    private static final AccountId SAM = AccountId.of("sam");

    @Test
    void staffTokenHasTheStaffAuthority() {
        var authentication = new TokenAuthentication(account -> Optional.of(Role.STAFF)).convert(tokenOf(SAM, "USER"));

        assertThat(authorities(authentication.getAuthorities())).containsExactly("ROLE_USER", "ROLE_STAFF");
        assertThat(authentication.getName()).isEqualTo("sam");
    }

    @Test
    void tokenIssuedToAnAdminHasNoAdminPowersOnceDemoted() {
        var authentication =
                new TokenAuthentication(account -> Optional.of(Role.USER)).convert(tokenOf(SAM, "USER", "ADMIN"));

        assertThat(authorities(authentication.getAuthorities())).containsExactly("ROLE_USER");
    }

    @Test
    void tokenOfAnUnknownAccountIsRefused() {
        var authentication = new TokenAuthentication(account -> Optional.empty());

        assertThatThrownBy(() -> authentication.convert(tokenOf(SAM, "ADMIN")))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    private static Jwt tokenOf(AccountId account, String... roles) {
        var now = Instant.now();
        return new Jwt(
                "token",
                now,
                now.plusSeconds(60),
                Map.of("alg", "HS256"),
                Map.of("sub", account.value(), "roles", List.of(roles)));
    }

    private static List<String> authorities(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
