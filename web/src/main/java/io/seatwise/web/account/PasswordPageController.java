package io.seatwise.web.account;

import io.seatwise.api.DomainException;
import io.seatwise.web.page.PageRefusals;
import io.seatwise.web.security.CurrentAccount;
import io.seatwise.web.security.SessionSignIn;
import io.seatwise.web.throttle.TooManyAttempts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Passwords in the browser: the change on {@code /me/account} (the session that changes it stays signed in, under a
 * new id; the account's other sessions end), and the reset of a forgotten one on {@code /password-reset}: the form
 * that asks for a link, and the form that the mailed link opens.
 */
@Controller
class PasswordPageController {

    private final Passwords passwords;
    private final PageRefusals refusals;
    private final SessionSignIn sessions;

    PasswordPageController(Passwords passwords, PageRefusals refusals, SessionSignIn sessions) {
        this.passwords = passwords;
        this.refusals = refusals;
        this.sessions = sessions;
    }

    record ChangeForm(
            @NotNull @Size(max = 128) String currentPassword,

            @NotNull @Size(min = Registrations.MIN_PASSWORD_LENGTH, max = Registrations.MAX_PASSWORD_LENGTH)
            String newPassword) {}

    record ResetRequestForm(
            @NotBlank @Email @Size(max = 254) String email) {}

    record ResetForm(
            @NotBlank @Size(max = 200) String token,

            @NotNull @Size(min = Registrations.MIN_PASSWORD_LENGTH, max = Registrations.MAX_PASSWORD_LENGTH)
            String newPassword) {}

    @PostMapping("/me/account/password")
    String change(
            @Valid @ModelAttribute ChangeForm form,
            BindingResult result,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("passwordError", "account.password.invalid");
            return "redirect:/me/account#password";
        }
        try {
            passwords.change(
                    CurrentAccount.of(authentication),
                    form.currentPassword(),
                    form.newPassword(),
                    request.getRemoteAddr());
        } catch (DomainException refused) {
            refusals.flash(refused, redirect);
            return "redirect:/me/account#password";
        } catch (TooManyAttempts tooMany) {
            redirect.addFlashAttribute("passwordError", "account.password.tooMany");
            return "redirect:/me/account#password";
        }
        sessions.renew(authentication, request, response);
        redirect.addFlashAttribute("notice", "account.password.changed");
        return "redirect:/me/account";
    }

    /** Without a token, the form that asks for a link; with the mailed link's token, the form for a new password. */
    @GetMapping("/password-reset")
    String form(@RequestParam(name = "token", required = false) String token, Model model) {
        model.addAttribute("token", token);
        return "password-reset";
    }

    /** The same answer whether or not an account has the address. */
    @PostMapping("/password-reset")
    String request(
            @Valid @ModelAttribute ResetRequestForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("requestError", "passwordReset.invalidEmail");
            return "password-reset";
        }
        passwords.requestReset(form.email());
        redirect.addFlashAttribute("notice", "passwordReset.sent");
        return "redirect:/password-reset";
    }

    @PostMapping("/password-reset/confirm")
    String reset(
            @Valid @ModelAttribute ResetForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        model.addAttribute("token", form.token());
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("resetError", "account.password.invalid");
            return "password-reset";
        }
        try {
            passwords.reset(form.token(), form.newPassword());
        } catch (DomainException refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", refusals.message(refused));
            return "password-reset";
        }
        redirect.addFlashAttribute("notice", "passwordReset.done");
        return "redirect:/login";
    }
}
