package io.seatwise.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a browser in from a page of Seatwise's own, as the sign-in form does: under a new session id and with a new
 * CSRF token, so that an id or token the visitor had before (perhaps planted by someone else: session fixation) does
 * not carry the signed-in session. Used when registering signs the new account in, and when a changed password
 * renews the session that changed it.
 */
@Component
public class SessionSignIn {

    private final AuthenticationManager authenticationManager;
    private final UserDetailsService users;
    private final SessionAuthenticationStrategy newSession;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionSignIn(AuthenticationManager authenticationManager, UserDetailsService users, CsrfTokenRepository csrf) {
        this.authenticationManager = authenticationManager;
        this.users = users;
        this.newSession = new CompositeSessionAuthenticationStrategy(
                List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrf)));
    }

    /** Signs in with the email and password; refused with an {@link AuthenticationException} as the form would be. */
    public void signIn(String email, String password, HttpServletRequest request, HttpServletResponse response) {
        start(
                authenticationManager.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated(email, password)),
                request,
                response);
    }

    /**
     * Signs the same person in again with their credentials as they are now: after a change of password, the session
     * that made it stays signed in (under a new id), while the account's other sessions end.
     */
    public void renew(Authentication current, HttpServletRequest request, HttpServletResponse response) {
        var user = (SeatwiseUser) users.loadUserByUsername(current.getName());
        user.eraseCredentials();
        var renewed = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        renewed.setDetails(current.getDetails());
        start(renewed, request, response);
    }

    private void start(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        newSession.onAuthentication(authentication, request, response);
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        var context = strategy.createEmptyContext();
        context.setAuthentication(authentication);
        strategy.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
