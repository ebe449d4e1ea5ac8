package io.seatwise.web.account;

import io.seatwise.api.account.Language;
import io.seatwise.web.api.ApiRefusal;
import io.seatwise.web.security.CurrentAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account over the API: its language. */
@RestController
@RequestMapping("/api/me")
@Tag(name = "Accounts")
class MyAccountApiController {

    private final AccountLanguages languages;

    MyAccountApiController(AccountLanguages languages) {
        this.languages = languages;
    }

    record LanguageRequest(
            @Schema(
                    description = "en or de",
                    allowableValues = {"en", "de"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String language) {}

    record LanguageResponse(
            @Schema(
                    description = "en or de",
                    allowableValues = {"en", "de"})
            Language language) {}

    @PutMapping("/language")
    @Operation(
            operationId = "changeLanguage",
            summary = "Choose the language of your mail (en or de); mail written from now on is in it. The same "
                    + "language again changes nothing.")
    @ApiRefusal(status = 400, when = "The language is missing, or neither en nor de.", examples = "unknown-language")
    LanguageResponse change(@RequestBody LanguageRequest request, Authentication authentication) {
        return new LanguageResponse(languages.change(CurrentAccount.of(authentication), request.language()));
    }
}
