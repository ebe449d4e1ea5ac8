package io.seatwise.web.admin;

import io.seatwise.web.admin.UserAdministration.AdminUserView;
import io.seatwise.web.api.ApiRefusal;
import io.seatwise.web.security.CurrentAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins find accounts by email and give them a role: STAFF for door staff, ADMIN, or back to USER. */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "Administration")
class AdminUsersApiController {

    private final UserAdministration users;

    AdminUsersApiController(UserAdministration users) {
        this.users = users;
    }

    @GetMapping
    @Operation(
            operationId = "findUsers",
            summary = "Accounts whose email contains the given text, in any case (at most 50, by email)")
    List<AdminUserView> find(
            @Parameter(description = "Part of the email address; empty lists the first accounts by email")
                    @RequestParam(name = "email", required = false, defaultValue = "")
                    String email) {
        return users.find(email);
    }

    @PutMapping("/{id}/role")
    @Operation(
            operationId = "changeRole",
            summary = "Give an account a role; the same role again changes nothing. The account's API tokens and "
                    + "browser sessions have the new role's powers from their next request.")
    @ApiRefusal(status = 400, when = "The role is not USER, STAFF or ADMIN.", examples = "invalid-role")
    @ApiRefusal(status = 404, when = "No such account.", examples = "account-not-found")
    @ApiRefusal(
            status = 409,
            when = "An admin tried to take the ADMIN role from themselves; another admin has to.",
            examples = "own-admin-role")
    AdminUserView changeRole(@PathVariable String id, @RequestBody RoleRequest request, Authentication admin) {
        return users.changeRole(id, request.role(), CurrentAccount.of(admin));
    }

    record RoleRequest(
            @Schema(
                    allowableValues = {"USER", "STAFF", "ADMIN"},
                    example = "STAFF")
            String role) {}
}
