package io.seatwise.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens in the session, as Spring Security keeps them, except that an anonymous look at a public page (home, an
 * event, a venue) starts no session for one. Such a page's forms need a signed-in visitor to be sent (booking,
 * reviews), so their token would never be used; keeping it would cost a session per anonymous view, thousands a
 * minute in a rush. A visitor who has a session, or opens a form anonymous visitors do send (sign-in, registration),
 * gets a token kept as usual.
 */
final class PublicPageTokens implements CsrfTokenRepository {

    /** The public pages: {@code /}, {@code /events/{id}} and {@code /venues/{id}}. */
    private static final Pattern PUBLIC_PAGES = Pattern.compile("/|/events/[^/]+|/venues/[^/]+");

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token != null && request.getSession(false) == null && isPublicPageView(request)) {
            return;
        }
        sessions.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return sessions.loadToken(request);
    }

    private static boolean isPublicPageView(HttpServletRequest request) {
        var method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method))
                && PUBLIC_PAGES.matcher(request.getServletPath()).matches();
    }
}
