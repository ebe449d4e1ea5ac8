package io.seatwise.web.infra;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** Describes the JSON API at /v3/api-docs and /swagger-ui.html. */
@Configuration
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Seatwise API",
                        version = "1",
                        description = "Seat-level ticket booking. Get a token from POST /api/auth/token and send it as "
                                + "'Authorization: Bearer <token>'. Errors are application/problem+json."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiConfiguration {}
