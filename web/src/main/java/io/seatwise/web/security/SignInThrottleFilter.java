package io.seatwise.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the sign-in form's handling and counts each attempt ({@link SignInThrottle}): one that must wait is
 * not checked at all but answered 429 with Retry-After and the sign-in page, which says how long to wait. The form's
 * success handler forgives the client's wrong passwords for the account.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(HttpMethod.POST.matches(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var wait = throttle.attempt(request.getParameter("email"), request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var seconds = SignInThrottle.retryAfterSeconds(wait.get());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(seconds));
        request.setAttribute(SignInThrottle.WAIT_MINUTES_ATTRIBUTE, (seconds + 59) / 60);
        request.getRequestDispatcher("/login").forward(new ShownAgain(request), response);
    }

    /** The refused post, shown as the sign-in page that a GET would show. */
    private static final class ShownAgain extends HttpServletRequestWrapper {

        ShownAgain(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return HttpMethod.GET.name();
        }
    }
}
