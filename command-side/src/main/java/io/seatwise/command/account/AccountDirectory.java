package io.seatwise.command.account;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.Role;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The set of claimed email addresses and their credentials: the set-based validation behind unique emails. A claim
 * is an insert guarded by a unique key, made in the transaction of the command that registers the account, so two
 * racing registrations cannot both win and a failed registration leaves no claim behind.
 */
@Component
public class AccountDirectory {

    private final JdbcTemplate jdbc;

    AccountDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void claim(Credentials credentials) {
        int inserted = jdbc.update(
                """
                INSERT INTO account_credentials (account_id, email_key, email, display_name, password_hash, role)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (email_key) DO NOTHING
                """,
                credentials.accountId().value(),
                Emails.key(credentials.email()),
                credentials.email(),
                credentials.displayName(),
                credentials.passwordHash(),
                credentials.role().name());
        if (inserted == 0) {
            throw new DomainException(Refusal.Plain.EMAIL_TAKEN, "An account with this email already exists");
        }
    }

    public Optional<Credentials> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        """
                        SELECT account_id, email, display_name, password_hash, role
                        FROM account_credentials WHERE email_key = ?
                        """,
                        (rs, row) -> new Credentials(
                                AccountId.of(rs.getString(1)),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                Role.valueOf(rs.getString(5))),
                        Emails.key(email))
                .stream()
                .findFirst();
    }

    public Optional<String> displayNameOf(AccountId accountId) {
        return jdbc
                .queryForList(
                        "SELECT display_name FROM account_credentials WHERE account_id = ?",
                        String.class,
                        accountId.value())
                .stream()
                .findFirst();
    }

    public boolean anyAdmin() {
        Integer admins = jdbc.queryForObject(
                "SELECT count(*) FROM account_credentials WHERE role = ?", Integer.class, Role.ADMIN.name());
        return admins != null && admins > 0;
    }
}
