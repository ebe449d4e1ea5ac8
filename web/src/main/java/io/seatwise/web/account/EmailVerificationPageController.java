package io.seatwise.web.account;

import io.seatwise.api.DomainException;
import io.seatwise.web.page.PageRefusals;
import io.seatwise.web.security.CurrentAccount;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Verified addresses in the browser: the mailed link's page ({@code /verify-email?token=…}), which verifies and moves
 * on, so that the token leaves the address bar; and the signed-in person's page that says why booking waits for a
 * verified address and mails the link again ({@code /me/verify-email}).
 */
@Controller
class EmailVerificationPageController {

    private final EmailVerification verification;
    private final AccountLanguages accounts;
    private final PageRefusals refusals;

    EmailVerificationPageController(EmailVerification verification, AccountLanguages accounts, PageRefusals refusals) {
        this.verification = verification;
        this.accounts = accounts;
        this.refusals = refusals;
    }

    @GetMapping("/verify-email")
    String verify(
            @RequestParam(name = "token", required = false) String token,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            verification.verify(token);
        } catch (DomainException refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("linkRefused", refusals.message(refused));
            return "verify-email";
        }
        redirect.addFlashAttribute("notice", "verification.done");
        return "redirect:/";
    }

    @GetMapping("/me/verify-email")
    String status(Authentication authentication, Model model) {
        var account = accounts.account(CurrentAccount.of(authentication))
                .orElseThrow(() -> new IllegalStateException("The signed-in account is not in the directory"));
        model.addAttribute("account", account);
        return "verify-email";
    }

    @PostMapping("/me/verify-email")
    String resend(Authentication authentication, RedirectAttributes redirect) {
        try {
            verification.send(CurrentAccount.of(authentication));
            redirect.addFlashAttribute("notice", "verification.sent");
        } catch (DomainException refused) {
            refusals.flash(refused, redirect);
        }
        return "redirect:/me/verify-email";
    }
}
