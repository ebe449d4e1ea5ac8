package io.seatwise.web.throttle;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client limits on what costs Seatwise or others something and is open to anyone: creating accounts and asking
 * for password reset mails, through the API and the pages alike. Each kind is a bucket per client address, counted
 * before anything else looks at the request, so a refused request changes nothing; beyond its rate a client gets 429
 * with Retry-After (a problem on the API, the error page on pages) until the window has passed. Sign-ins are counted
 * by {@code security.SignInThrottle}, which also counts wrong passwords per account.
 *
 * <p>The routes are named here, whichever controller answers them, so a route is throttled as soon as it exists; the
 * API's description lists the 429 of each ({@link #limits}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ClientThrottle extends OncePerRequestFilter {

    /** The throttled routes, all POSTs, and the kind of bucket each counts in. */
    private static final Map<String, Kind> ROUTES = Map.of(
            "/api/users", Kind.REGISTRATION,
            "/register", Kind.REGISTRATION,
            "/api/password-resets", Kind.PASSWORD_RESET,
            "/password-reset", Kind.PASSWORD_RESET);

    /** What a client's bucket counts, and the setting that says how many. */
    enum Kind {
        REGISTRATION("registration", ThrottleProperties::registrations),
        PASSWORD_RESET("password-reset", ThrottleProperties::passwordResets);

        private final String bucket;
        private final Function<ThrottleProperties, Rate> rate;

        Kind(String bucket, Function<ThrottleProperties, Rate> rate) {
            this.bucket = bucket;
            this.rate = rate;
        }
    }

    private final Throttles throttles;
    private final ThrottleProperties limits;
    private final ObjectMapper objectMapper;

    ClientThrottle(Throttles throttles, ThrottleProperties limits, ObjectMapper objectMapper) {
        this.throttles = throttles;
        this.limits = limits;
        this.objectMapper = objectMapper;
    }

    /** Whether a client's requests to the route (a method and a path, as the API's description names them) count. */
    public static boolean limits(String method, String path) {
        return "POST".equalsIgnoreCase(method) && ROUTES.containsKey(path);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits(request.getMethod(), request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the servlet path, as Spring MVC matches it: decoded and normalised, so no spelling of a path slips through
        var kind = ROUTES.get(request.getServletPath());
        var wait = throttles.take(kind.bucket, request.getRemoteAddr(), kind.rate.apply(limits));
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var seconds = Throttles.retryAfterSeconds(wait.get());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        if (!request.getServletPath().startsWith("/api/")) {
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put("detail", "Too many requests of this kind from your address; try again in " + seconds + " seconds");
        problem.put("instance", request.getRequestURI());
        problem.put("retryAfterSeconds", seconds);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
