package io.seatwise.web.account;

import io.seatwise.api.DomainException;
import io.seatwise.api.account.Language;
import io.seatwise.api.account.Role;
import io.seatwise.web.page.PageRefusals;
import io.seatwise.web.security.SignInThrottle;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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

    AccountPageController(Registrations registrations, PageRefusals refusals) {
        this.registrations = registrations;
        this.refusals = refusals;
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

    @PostMapping("/register")
    String register(
            @Valid @ModelAttribute("form") RegistrationForm form,
            BindingResult result,
            HttpServletRequest request,
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
            request.login(form.email(), form.password());
        } catch (ServletException signInLater) {
            redirect.addFlashAttribute("notice", "registration.done");
            return "redirect:/login";
        }
        redirect.addFlashAttribute("notice", "registration.welcome");
        return "redirect:/";
    }
}
