package io.seatwise.web.api;

import io.swagger.v3.oas.models.PathItem;
import java.util.List;
import java.util.Map;
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
        /** Door staff and admins. */
        STAFF,
        /** Admins only. */
        ADMIN
    }

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken(
            "openapi", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    private static final Authentication USER = UsernamePasswordAuthenticationToken.authenticated(
            "user", null, AuthorityUtils.createAuthorityList("ROLE_USER"));
    private static final Authentication STAFF = UsernamePasswordAuthenticationToken.authenticated(
            "staff", null, AuthorityUtils.createAuthorityList("ROLE_USER", "ROLE_STAFF"));

    private final WebInvocationPrivilegeEvaluator rules;

    RouteAccess(WebInvocationPrivilegeEvaluator rules) {
        this.rules = rules;
    }

    /** The access a route of the description needs; its path variables are filled in with a placeholder. */
    Access of(PathItem.HttpMethod method, String pathTemplate) {
        var path = pathTemplate.replaceAll("\\{[^}]+}", "x");
        var asking = Map.of(Access.PUBLIC, ANONYMOUS, Access.USER, USER, Access.STAFF, STAFF);
        for (var access : List.of(Access.PUBLIC, Access.USER, Access.STAFF)) {
            if (rules.isAllowed("", path, method.name(), asking.get(access))) {
                return access;
            }
        }
        return Access.ADMIN;
    }
}
