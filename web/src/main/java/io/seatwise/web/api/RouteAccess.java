package io.seatwise.web.api;

import io.swagger.v3.oas.models.PathItem;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/** Who may call a route, as the application's security rules decide it for a request to that path. */
final class RouteAccess {

    enum Access {
        /** Anyone, without a token. */
        PUBLIC,
        /** Any signed-in account. */
        USER,
        /** Admins only. */
        ADMIN
    }

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken(
            "openapi", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    private static final Authentication USER = UsernamePasswordAuthenticationToken.authenticated(
            "user", null, AuthorityUtils.createAuthorityList("ROLE_USER"));

    private final WebInvocationPrivilegeEvaluator rules;

    RouteAccess(WebInvocationPrivilegeEvaluator rules) {
        this.rules = rules;
    }

    /** The access a route of the description needs; its path variables are filled in with a placeholder. */
    Access of(PathItem.HttpMethod method, String pathTemplate) {
        var path = pathTemplate.replaceAll("\\{[^}]+}", "x");
        for (var access : List.of(Access.PUBLIC, Access.USER)) {
            if (rules.isAllowed("", path, method.name(), access == Access.PUBLIC ? ANONYMOUS : USER)) {
                return access;
            }
        }
        return Access.ADMIN;
    }
}
