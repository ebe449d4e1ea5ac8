package io.seatwise.web.account;

import io.seatwise.api.DomainException;
import io.seatwise.api.account.Language;
import io.seatwise.api.account.Role;
import io.seatwise.command.account.AccountRules;
import io.seatwise.web.page.PageRefusals;
import io.seatwise.web.security.SessionSignIn;
import io.seatwise.web.security.SignInThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class AccountPageController {

    private final Registrations registrations;
    private final PageRefusals refusals;
    private final SessionSignIn sessions;
    private final AccountRules rules;

    AccountPageController(
            Registrations registrations, PageRefusals refusals, SessionSignIn sessions, AccountRules rules) {
        this.registrations = registrations;
        this.refusals = refusals;
        this.sessions = sessions;
        this.rules = rules;
    }

    record RegistrationForm(
            @NotBlank @Size(max = 100) String displayName,
            @NotBlank @Email @Size(max = 254) String email,

            @NotBlank @Size(min = Registrations.MIN_PASSWORD_LENGTH, max = Registrations.MAX_PASSWORD_LENGTH)
            String password) {

        static RegistrationForm empty() {
            return new RegistrationForm("", "", "");
        }
    }

    /** The sign-in page; also shown, with status 429, for a sign-in that must wait (see SignInThrottleFilter). */
    @GetMapping("/login")
    String login(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (request.getAttribute(SignInThrottle.WAIT_MINUTES_ATTRIBUTE) instanceof Long minutes) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("waitMinutes", minutes);
        }
        return "login";
    }

    @GetMapping("/register")
    String registrationForm(Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        return "register";
    }

    /**
     * Opens the account and signs it in under a new session id and CSRF token: whatever session the visitor had
     * before (perhaps one planted by someone else) is not the signed-in one.
     */
    @PostMapping("/register")
    String register(
            @Valid @ModelAttribute("form") RegistrationForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "register";
        }
        try {
            // the browser's language as the pages speak it (LanguageConfiguration): English unless it asks for German
            var language = Language.ofLocale(LocaleContextHolder.getLocale());
            registrations.register(form.email(), form.password(), form.displayName(), Role.USER, language.code());
        } catch (DomainException refused) {
            refusals.reject(refused, result);
            return "register";
        }
        try {
            sessions.signIn(form.email(), form.password(), request, response);
        } catch (AuthenticationException signInLater) {
            redirect.addFlashAttribute("notice", "registration.done");
            return "redirect:/login";
        }
        redirect.addFlashAttribute(
                "notice", rules.verifyEmail() ? "registration.welcomeVerify" : "registration.welcome");
        return "redirect:/";
    }
}
