package io.seatwise.web.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Describes the JSON API at /v3/api-docs and /swagger-ui.html. Every operation needs the bearer token unless the
 * security rules let anyone call it; which answers are problems, and why, is added by {@link ProblemAnswers}.
 */
@Configuration
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Seatwise API",
                        version = "1",
                        description = "Seat-level ticket booking. Get a token from POST /api/auth/token and send it as "
                                + "'Authorization: Bearer <token>'. Refusals are RFC 9457 problems "
                                + "(application/problem+json) whose detail says what is wrong. Reads are eventually "
                                + "consistent: a booking shows in the seat map and in /api/me/bookings within a "
                                + "second."),
        // the server that serves the description, wherever it runs
        servers = @Server(url = "/", description = "This Seatwise server"),
        security = @SecurityRequirement(name = OpenApiConfiguration.BEARER),
        tags = {
            @Tag(name = "Accounts", description = "Registration and sign-in tokens"),
            @Tag(name = "Venues", description = "Venues and their seat layouts"),
            @Tag(name = "Events", description = "Scheduled events, their seats and availability"),
            @Tag(name = "Bookings", description = "Booking seats and cancelling bookings"),
            @Tag(name = "Reviews", description = "Reviews of events and venues by people who booked"),
            @Tag(name = "Administration", description = "Figures and CSV exports for admins")
        })
@SecurityScheme(
        name = OpenApiConfiguration.BEARER,
        description = "A token from POST /api/auth/token; it carries the account's roles and expires at expiresAt",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT")
class OpenApiConfiguration {

    static final String BEARER = "bearer";

    @Bean
    ProblemAnswers problemAnswers(WebInvocationPrivilegeEvaluator securityRules) {
        return new ProblemAnswers(new RouteAccess(securityRules));
    }
}
