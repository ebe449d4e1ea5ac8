package io.seatwise.web.security;

import io.seatwise.api.account.AccountId;
import io.seatwise.command.account.Standing;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a browser session the powers of its account's role now, not of the role it signed in with: an admin
 * demoted meanwhile is no admin on their next request, a user made staff is staff. The session itself is left as it
 * is; the request runs with an authentication rebuilt for the current role (looked up as for tokens, so about once a
 * second per account). A session signed in with credentials of an older version (the password was changed or reset
 * since, elsewhere) is ended: the request goes on signed out. This works with any session store, since it only reads
 * the session's own authentication.
 */
final class CurrentRoleFilter extends OncePerRequestFilter {

    private final Function<AccountId, Optional<Standing>> standing;

    CurrentRoleFilter(Function<AccountId, Optional<Standing>> standing) {
        this.standing = standing;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        var authentication = strategy.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SeatwiseUser user) {
            var now = standing.apply(user.accountId());
            // Only older credentials end the session: newer ones were stored on another node that this node's memory of
            // the account (up to a second old) has not seen yet, and versions only grow.
            if (now.isPresent() && user.credentialVersion() < now.get().credentialVersion()) {
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                strategy.clearContext();
            } else {
                now.ifPresent(current -> {
                    var authorities = SeatwiseUser.authoritiesOf(current.role());
                    if (!new HashSet<>(authorities).equals(new HashSet<>(user.getAuthorities()))) {
                        var updated = UsernamePasswordAuthenticationToken.authenticated(
                                user.withRole(current.role()), null, authorities);
                        updated.setDetails(authentication.getDetails());
                        var context = strategy.createEmptyContext();
                        context.setAuthentication(updated);
                        strategy.setContext(context);
                    }
                });
            }
        }
        chain.doFilter(request, response);
    }
}
