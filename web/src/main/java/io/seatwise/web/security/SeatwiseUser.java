package io.seatwise.web.security;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.Role;
import io.seatwise.command.account.Credentials;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in person of the browser UI, carrying the account id so that no form ever has to. */
public class SeatwiseUser extends User {

    /**
     * Kept in the browser's session, which PostgreSQL's nodes keep in their database: a release that changes the fields
     * changes this number, and sessions of the release before are then signed out instead of misread.
     */
    private static final long serialVersionUID = 1L;

    private final AccountId accountId;
    private final String displayName;
    private final int credentialVersion;

    SeatwiseUser(Credentials credentials) {
        super(credentials.email(), credentials.passwordHash(), authoritiesOf(credentials.role()));
        this.accountId = credentials.accountId();
        this.displayName = credentials.displayName();
        this.credentialVersion = credentials.credentialVersion();
    }

    /** The same person with another role's authorities; the password is not kept, as after a sign-in. */
    SeatwiseUser withRole(Role role) {
        return new SeatwiseUser(new Credentials(accountId, getUsername(), displayName, "", role, credentialVersion));
    }

    /** The version of the account's credentials that this person signed in with. */
    int credentialVersion() {
        return credentialVersion;
    }

    public AccountId accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    /** An admin can do everything staff and users can, and staff everything a user can: each holds the roles below. */
    static List<GrantedAuthority> authoritiesOf(Role role) {
        return rolesOf(role).stream()
                .map(name -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + name))
                .toList();
    }

    static List<String> rolesOf(Role role) {
        return switch (role) {
            case USER -> List.of(Role.USER.name());
            case STAFF -> List.of(Role.USER.name(), Role.STAFF.name());
            case ADMIN -> List.of(Role.USER.name(), Role.STAFF.name(), Role.ADMIN.name());
        };
    }
}
