package io.seatwise.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain for both kinds of client: the JSON API authenticates with bearer tokens and answers
 * problem+json, the browser UI signs in with a form and a session cookie and is protected by CSRF tokens. A request
 * that carries no session cookie, or carries a bearer token, cannot be a forged browser request, so only those skip
 * the CSRF check on the API.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    private static final RequestMatcher API =
            PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    private static final int BCRYPT_MAX_BYTES = 72;

    @Bean
    SecurityFilterChain filterChain(
            HttpSecurity http,
            ObjectMapper objectMapper,
            SignInThrottle throttle,
            TokenAuthentication tokens,
            CsrfTokenRepository csrfTokens)
            throws Exception {
        var apiEntryPoint = problemEntryPoint(objectMapper);
        var apiAccessDenied = problemAccessDenied(objectMapper);
        var pageAccessDenied = signInWhenNoTokenWasKept();
        http.authorizeHttpRequests(requests -> requests
                        // the door: staff and admins (whose authorities include STAFF's)
                        .requestMatchers("/events/*/door")
                        .hasRole("STAFF")
                        .requestMatchers(HttpMethod.POST, "/api/events/*/check-ins")
                        .hasRole("STAFF")
                        .requestMatchers(HttpMethod.GET, "/api/events/*/attendance", "/api/events/*/door-list")
                        .hasRole("STAFF")
                        .requestMatchers("/", "/events/**", "/venues/**", "/register", "/login", "/error", "/error/**")
                        .permitAll()
                        // accounts: a mailed link's page, and asking for a password reset
                        .requestMatchers("/verify-email", "/password-reset", "/password-reset/confirm")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.POST, "/api/users/verify", "/api/password-resets", "/api/password-resets/*")
                        .permitAll()
                        .requestMatchers("/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(
                                "/v3/api-docs",
                                "/v3/api-docs.yaml",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/users", "/api/auth/token")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET, "/api/venues", "/api/venues/**", "/api/events", "/api/events/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/venues", "/api/events")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/venues/*")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PATCH, "/api/events/*")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/events/*/cancel")
                        .hasRole("ADMIN")
                        .requestMatchers("/admin", "/admin/**", "/api/admin/**", "/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .successHandler(forgivingSuccess(throttle))
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error"))
                        .permitAll())
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new CurrentRoleFilter(tokens::standingOf), AuthorizationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(apiEntryPoint)
                        .accessDeniedHandler(apiAccessDenied))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(SecurityConfiguration::cannotBeForged))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(apiEntryPoint, API)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                        .defaultAccessDeniedHandlerFor(apiAccessDenied, API)
                        .defaultAccessDeniedHandlerFor(pageAccessDenied, request -> true))
                // No page may be framed, unless its controller says otherwise: the admins' mail page frames the
                // mail's HTML, served with a policy of its own (see MailAdminController). Spring Security's own
                // writer would override that, so a writer that defers to the response takes its place.
                // Browsers of today ignore X-XSS-Protection, and the CSP does the work; old ones that still filter are
                // told to block a page they think attacked rather than edit it, and scanners that ask for it find it.
                .headers(headers -> headers.frameOptions(frameOptions -> frameOptions.disable())
                        .xssProtection(
                                xss -> xss.headerValue(XXssProtectionHeaderWriter.HeaderValue.ENABLED_MODE_BLOCK))
                        .addHeaderWriter(SecurityConfiguration::denyFramingUnlessSet)
                        .contentSecurityPolicy(csp ->
                                csp.policyDirectives("default-src 'self'; img-src 'self' data:; style-src 'self'; "
                                        + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                                        + "form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /**
     * Where CSRF tokens live: in the session, except for anonymous views of public pages ({@link PublicPageTokens});
     * {@link SessionSignIn} renews them there too.
     */
    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new PublicPageTokens();
    }

    /** Back to the page that asked for a sign-in, or home; the client's wrong passwords for the account are forgiven. */
    private static AuthenticationSuccessHandler forgivingSuccess(SignInThrottle throttle) {
        var backToWhereTheyWere = new SavedRequestAwareAuthenticationSuccessHandler();
        backToWhereTheyWere.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            throttle.succeeded(request.getParameter("email"), request.getRemoteAddr());
            backToWhereTheyWere.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * A page's form sent without a session to hold its CSRF token (never signed in, as on the public pages, which keep
     * no token for anonymous visitors, or a session that has ended) asks the visitor to sign in; anything else
     * refused is the 403 page.
     */
    private static AccessDeniedHandler signInWhenNoTokenWasKept() {
        var forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            if (denied instanceof MissingCsrfTokenException && !request.isRequestedSessionIdValid()) {
                response.sendRedirect(request.getContextPath() + "/login");
            } else {
                forbidden.handle(request, response, denied);
            }
        };
    }

    private static void denyFramingUnlessSet(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader("X-Frame-Options")) {
            response.setHeader("X-Frame-Options", "DENY");
        }
    }

    /** An API request with a bearer token, or without any session, carries no ambient credentials to abuse. */
    private static boolean cannotBeForged(HttpServletRequest request) {
        if (!API.matches(request)) {
            return false;
        }
        var authorization = request.getHeader("Authorization");
        return (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7))
                || request.getRequestedSessionId() == null;
    }

    private static AuthenticationEntryPoint problemEntryPoint(ObjectMapper objectMapper) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            writeProblem(
                    response,
                    objectMapper,
                    HttpStatus.UNAUTHORIZED,
                    "Sign in first: send a valid token as 'Authorization: Bearer <token>'",
                    request);
        };
    }

    private static AccessDeniedHandler problemAccessDenied(ObjectMapper objectMapper) {
        return (request, response, exception) ->
                writeProblem(response, objectMapper, HttpStatus.FORBIDDEN, "You are not allowed to do this", request);
    }

    private static void writeProblem(
            HttpServletResponse response,
            ObjectMapper objectMapper,
            HttpStatus status,
            String detail,
            HttpServletRequest request)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        var body = new LinkedHashMap<String, Object>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance().toString());
        objectMapper.writeValue(response.getOutputStream(), body);
    }

    /**
     * BCrypt, which compares only the first 72 bytes of a password: a longer one, which no account can have, must
     * not sign in merely because it begins with the right password.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder() {
            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return rawPassword != null
                        && rawPassword.toString().getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES
                        && super.matches(rawPassword, encodedPassword);
            }
        };
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder) {
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(provider);
    }
}
