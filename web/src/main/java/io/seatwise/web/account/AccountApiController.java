package io.seatwise.web.account;

import io.seatwise.api.account.Language;
import io.seatwise.api.account.Role;
import io.seatwise.web.api.ApiRefusal;
import io.seatwise.web.security.SeatwiseUser;
import io.seatwise.web.security.SignInThrottle;
import io.seatwise.web.security.TokenService;
import io.seatwise.web.security.TokenService.IssuedToken;
import io.seatwise.web.throttle.TooManyAttempts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Accounts")
class AccountApiController {

    private final Registrations registrations;
    private final AuthenticationManager authenticationManager;
    private final TokenService tokens;
    private final SignInThrottle throttle;

    AccountApiController(
            Registrations registrations,
            AuthenticationManager authenticationManager,
            TokenService tokens,
            SignInThrottle throttle) {
        this.registrations = registrations;
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,

            @NotNull @Size(min = Registrations.MIN_PASSWORD_LENGTH, max = Registrations.MAX_PASSWORD_LENGTH)
            String password,

            @NotBlank @Size(max = 100) String displayName,

            @Schema(
                    description = "The language of the account's mail: en or de. Without it, the first of the "
                            + "request's Accept-Language that Seatwise speaks, else en.",
                    allowableValues = {"en", "de"},
                    nullable = true)
            String language) {}

    record AccountResponse(
            String id,
            String email,
            String displayName,

            @Schema(
                    description = "The language of the account's mail",
                    allowableValues = {"en", "de"})
            String language) {}

    record TokenRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password) {}

    @PostMapping("/users")
    @Operation(operationId = "register", summary = "Register an account")
    @ApiRefusal(
            status = 400,
            when = "The password is one of the most common, or is the email or the name; or the language is neither "
                    + "en nor de.",
            examples = {"common-password", "unknown-language"})
    @ApiRefusal(status = 409, when = "An account with this email already exists.", examples = "email-taken")
    @ResponseStatus(HttpStatus.CREATED)
    AccountResponse register(@Valid @RequestBody RegisterRequest request) {
        // an explicit language is the caller's choice, checked by the account; else the browser's, as pages take it
        var language = request.language() != null
                ? request.language()
                : Language.ofLocale(LocaleContextHolder.getLocale()).code();
        var accountId =
                registrations.register(request.email(), request.password(), request.displayName(), Role.USER, language);
        return new AccountResponse(
                accountId.value(),
                request.email().strip(),
                request.displayName().strip(),
                Language.of(language).orElseThrow().code());
    }

    @PostMapping("/auth/token")
    @Operation(operationId = "issueToken", summary = "Get a bearer token for an account")
    @ApiResponse(
            responseCode = "200",
            description = "A token to send as 'Authorization: Bearer <token>' until it expires",
            content = @Content(schema = @Schema(implementation = IssuedToken.class)))
    @ApiRefusal(status = 401, when = "The email or the password is wrong.", examples = "wrong-credentials")
    @ApiRefusal(
            status = 429,
            when = "Too many wrong passwords for this email from this address, or too many sign-in attempts from "
                    + "it; retryAfterSeconds (and the Retry-After header) say how long to wait.",
            examples = "too-many-sign-ins")
    ResponseEntity<?> token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        var client = http.getRemoteAddr();
        throttle.attempt(request.email(), client).ifPresent(wait -> {
            throw new TooManyAttempts("Too many sign-in attempts", wait);
        });
        try {
            var authentication = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.email(), request.password()));
            throttle.succeeded(request.email(), client);
            IssuedToken token = tokens.issue((SeatwiseUser) authentication.getPrincipal());
            return ResponseEntity.ok(token);
        } catch (AuthenticationException wrongCredentials) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer")
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Wrong email or password"));
        }
    }
}
