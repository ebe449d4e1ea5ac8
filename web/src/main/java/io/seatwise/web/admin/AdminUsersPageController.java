package io.seatwise.web.admin;

import io.seatwise.api.DomainException;
import io.seatwise.api.account.Role;
import io.seatwise.web.page.PageRefusals;
import io.seatwise.web.security.CurrentAccount;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admins' users page: find accounts by email and give them a role, such as STAFF for door staff. */
@Controller
@RequestMapping("/admin/users")
class AdminUsersPageController {

    private final UserAdministration users;
    private final PageRefusals refusals;

    AdminUsersPageController(UserAdministration users, PageRefusals refusals) {
        this.users = users;
        this.refusals = refusals;
    }

    @GetMapping
    String users(@RequestParam(name = "email", defaultValue = "") String email, Model model) {
        model.addAttribute("email", email);
        model.addAttribute("users", users.find(email));
        model.addAttribute("roles", Role.values());
        model.addAttribute("max", UserAdministration.MAX_RESULTS);
        return "admin/users";
    }

    /** Back to the same search afterwards, so the admin sees the account with its new role. */
    @PostMapping("/{id}/role")
    String changeRole(
            @PathVariable String id,
            @RequestParam(name = "role", required = false) String role,
            @RequestParam(name = "email", defaultValue = "") String email,
            Authentication admin,
            RedirectAttributes redirect) {
        try {
            users.changeRole(id, role, CurrentAccount.of(admin));
            redirect.addFlashAttribute("notice", "admin.users.changed");
        } catch (DomainException refused) {
            refusals.flash(refused, redirect);
        }
        redirect.addAttribute("email", email);
        return "redirect:/admin/users";
    }
}
