package io.seatwise.web.account;

import io.seatwise.web.api.ApiRefusal;
import io.seatwise.web.security.CurrentAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An account's address and password over the API: the mailed links' tokens, a change, a reset. */
@RestController
@RequestMapping("/api")
@Tag(name = "Accounts")
class CredentialsApiController {

    private static final int MAX_TOKEN_LENGTH = 200;

    private final EmailVerification verification;
    private final Passwords passwords;

    CredentialsApiController(EmailVerification verification, Passwords passwords) {
        this.verification = verification;
        this.passwords = passwords;
    }

    record VerifyRequest(
            @Schema(description = "The token of the link mailed to the address (its query parameter token)")
            @NotBlank
            @Size(max = MAX_TOKEN_LENGTH)
            String token) {}

    record PasswordChangeRequest(
            @NotNull @Size(max = 128) String currentPassword,

            @NotNull @Size(min = Registrations.MIN_PASSWORD_LENGTH, max = Registrations.MAX_PASSWORD_LENGTH)
            String newPassword) {}

    record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {}

    record ResetConfirmation(
            @Schema(description = "The token of the link mailed to the address (its query parameter token)")
            @NotBlank
            @Size(max = MAX_TOKEN_LENGTH)
            String token,

            @NotNull @Size(min = Registrations.MIN_PASSWORD_LENGTH, max = Registrations.MAX_PASSWORD_LENGTH)
            String newPassword) {}

    @PostMapping("/users/verify")
    @Operation(
            operationId = "verifyEmail",
            summary = "Verify an account's address with the token of the link mailed to it",
            description = "Until its address is verified, an account may sign in and browse but not book or review "
                    + "(403 email-not-verified). Each link verifies once.")
    @ApiResponse(responseCode = "204", description = "The address is verified")
    @ApiRefusal(
            status = 400,
            when = "The token is unknown, was used already, or has expired.",
            examples = "invalid-token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verify(@Valid @RequestBody VerifyRequest request) {
        verification.verify(request.token());
    }

    @PutMapping("/me/password")
    @Operation(
            operationId = "changePassword",
            summary = "Change your password; the current one is required",
            description = "The new password follows the rules of registration. The account's other browser sessions "
                    + "end, and every token issued before, this one included, is refused from now on: ask for a new "
                    + "one.")
    @ApiResponse(responseCode = "204", description = "Changed")
    @ApiRefusal(status = 400, when = "The new password is one of the most common, or is the email or the name.")
    @ApiRefusal(status = 403, when = "The current password is wrong.", examples = "wrong-password")
    @ApiRefusal(
            status = 429,
            when = "Too many wrong current passwords from this address (as wrong passwords at sign-in count); "
                    + "retryAfterSeconds (and the Retry-After header) say how long to wait.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(
            @Valid @RequestBody PasswordChangeRequest request, Authentication authentication, HttpServletRequest http) {
        passwords.change(
                CurrentAccount.of(authentication),
                request.currentPassword(),
                request.newPassword(),
                http.getRemoteAddr());
    }

    @PostMapping("/password-resets")
    @Operation(
            operationId = "requestPasswordReset",
            summary = "Ask for a link that resets a forgotten password",
            description = "The answer is the same whether or not an account has the address; if one does, a link "
                    + "valid for an hour is mailed to it (at most three an hour, a minute apart).")
    @ApiResponse(responseCode = "202", description = "Asked; a link is mailed if an account has the address")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestReset(@Valid @RequestBody ResetRequest request) {
        passwords.requestReset(request.email());
    }

    @PostMapping("/password-resets/confirm")
    @Operation(
            operationId = "resetPassword",
            summary = "Choose a new password with the token of a mailed reset link",
            description = "The new password follows the rules of registration. Each link works once, for an hour; "
                    + "every browser session and token of the account ends.")
    @ApiResponse(responseCode = "204", description = "The password is reset")
    @ApiRefusal(
            status = 400,
            when = "The token is unknown, was used already, or has expired; or the new password is one of the most "
                    + "common, or is the email or the name.",
            examples = "invalid-token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@Valid @RequestBody ResetConfirmation request) {
        passwords.reset(request.token(), request.newPassword());
    }
}
