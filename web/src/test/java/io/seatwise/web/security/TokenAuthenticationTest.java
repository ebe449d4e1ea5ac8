package io.seatwise.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.Role;
import io.seatwise.command.account.Standing;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A token's powers are those of its account's role now, not of the roles written into it when it was issued; and a
 * token issued before the account's password last changed has none.
 */
class TokenAuthenticationTest {

    private static final AccountId SAM = AccountId.of("sam");

    @Test
    void staffTokenHasTheStaffAuthority() {
        var authentication = new TokenAuthentication(account -> standing(Role.STAFF, 0)).convert(tokenOf(SAM, "USER"));

        assertThat(authorities(authentication.getAuthorities())).containsExactly("ROLE_USER", "ROLE_STAFF");
        assertThat(authentication.getName()).isEqualTo("sam");
    }

    @Test
    void tokenIssuedToAnAdminHasNoAdminPowersOnceDemoted() {
        var authentication =
                new TokenAuthentication(account -> standing(Role.USER, 0)).convert(tokenOf(SAM, "USER", "ADMIN"));

        assertThat(authorities(authentication.getAuthorities())).containsExactly("ROLE_USER");
    }

    @Test
    void tokenOfAnUnknownAccountIsRefused() {
        var authentication = new TokenAuthentication(account -> Optional.empty());

        assertThatThrownBy(() -> authentication.convert(tokenOf(SAM, "ADMIN")))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void tokenIssuedBeforeThePasswordChangedIsRefused() {
        var authentication = new TokenAuthentication(account -> standing(Role.USER, 2));

        assertThatThrownBy(() -> authentication.convert(tokenOf(SAM, 1, "USER")))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("password has changed");
        assertThat(authentication.convert(tokenOf(SAM, 2, "USER")).getName()).isEqualTo("sam");
    }

    /** Issued on another node after a change this node remembers only from a moment before (up to a second). */
    @Test
    void tokenOfANewerVersionThanThisNodeRemembersIsGood() {
        var authentication = new TokenAuthentication(account -> standing(Role.USER, 2));

        assertThat(authentication.convert(tokenOf(SAM, 3, "USER")).getName()).isEqualTo("sam");
    }

    @Test
    void tokenIssuedBeforeCredentialVersionsExistedIsVersionZero() {
        assertThat(new TokenAuthentication(account -> standing(Role.USER, 0))
                        .convert(tokenOf(SAM, "USER"))
                        .getName())
                .isEqualTo("sam");
        assertThatThrownBy(
                        () -> new TokenAuthentication(account -> standing(Role.USER, 1)).convert(tokenOf(SAM, "USER")))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    private static Optional<Standing> standing(Role role, int credentialVersion) {
        return Optional.of(new Standing(role, credentialVersion, true));
    }

    /** A token as Seatwise issued them before credential versions: without the claim. */
    private static Jwt tokenOf(AccountId account, String... roles) {
        var now = Instant.now();
        return new Jwt(
                "token",
                now,
                now.plusSeconds(60),
                Map.of("alg", "HS256"),
                Map.of("sub", account.value(), "roles", List.of(roles)));
    }

    private static Jwt tokenOf(AccountId account, int credentialVersion, String... roles) {
        var now = Instant.now();
        return new Jwt(
                "token",
                now,
                now.plusSeconds(60),
                Map.of("alg", "HS256"),
                Map.of(
                        "sub",
                        account.value(),
                        "roles",
                        List.of(roles),
                        TokenService.CREDENTIAL_VERSION_CLAIM,
                        credentialVersion));
    }

    private static List<String> authorities(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
