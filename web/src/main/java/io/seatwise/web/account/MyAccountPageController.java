package io.seatwise.web.account;

import io.seatwise.api.DomainException;
import io.seatwise.api.account.Language;
import io.seatwise.web.page.PageRefusals;
import io.seatwise.web.security.CurrentAccount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's own account ({@code /me/account}): who they are, and the language of their mail. A changed
 * language also becomes the language of the pages in this browser (the language cookie that {@code ?lang=} sets).
 * Changing the password (issue 16) belongs here too, as {@code POST /me/account/password} beside the language's form.
 */
@Controller
class MyAccountPageController {

    private final AccountLanguages languages;
    private final PageRefusals refusals;
    private final LocaleResolver localeResolver;

    MyAccountPageController(AccountLanguages languages, PageRefusals refusals, LocaleResolver localeResolver) {
        this.languages = languages;
        this.refusals = refusals;
        this.localeResolver = localeResolver;
    }

    @GetMapping("/me/account")
    String account(Authentication authentication, Model model) {
        var account = languages
                .account(CurrentAccount.of(authentication))
                .orElseThrow(() -> new IllegalStateException("The signed-in account is not in the directory"));
        model.addAttribute("account", account);
        model.addAttribute("languages", List.of(Language.values()));
        return "account";
    }

    @PostMapping("/me/account/language")
    String changeLanguage(
            @RequestParam(name = "language", required = false) String language,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            var changed = languages.change(CurrentAccount.of(authentication), language);
            localeResolver.setLocale(request, response, changed.locale());
            redirect.addFlashAttribute("notice", "account.language.changed");
        } catch (DomainException refused) {
            refusals.flash(refused, redirect);
        }
        return "redirect:/me/account";
    }
}
