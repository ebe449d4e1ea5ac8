package io.seatwise.command.account;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.Language;
import io.seatwise.api.account.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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

    void claim(Credentials credentials, Language language, boolean emailVerified) {
        int inserted = jdbc.update(
                """
                INSERT INTO account_credentials
                    (account_id, email_key, email, display_name, password_hash, role, language, email_verified)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (email_key) DO NOTHING
                """,
                credentials.accountId().value(),
                Emails.key(credentials.email()),
                credentials.email(),
                credentials.displayName(),
                credentials.passwordHash(),
                credentials.role().name(),
                language.code(),
                emailVerified);
        if (inserted == 0) {
            throw new DomainException(Refusal.Plain.EMAIL_TAKEN, "An account with this email already exists");
        }
    }

    void changeRole(AccountId accountId, Role role) {
        jdbc.update("UPDATE account_credentials SET role = ? WHERE account_id = ?", role.name(), accountId.value());
    }

    void changeLanguage(AccountId accountId, Language language) {
        jdbc.update(
                "UPDATE account_credentials SET language = ? WHERE account_id = ?", language.code(), accountId.value());
    }

    void emailVerified(AccountId accountId) {
        jdbc.update("UPDATE account_credentials SET email_verified = ? WHERE account_id = ?", true, accountId.value());
    }

    /**
     * A new password hash, and one more version of the account's credentials: tokens and sessions that name an older
     * version are refused from the next request on (see {@link #standingOf}).
     */
    void changePassword(AccountId accountId, String passwordHash) {
        jdbc.update(
                "UPDATE account_credentials SET password_hash = ?, credential_version = credential_version + 1"
                        + " WHERE account_id = ?",
                passwordHash,
                accountId.value());
    }

    /**
     * The account's role, credential version and whether its address is verified, now: read on every use of a token
     * or a session (through a short cache), so that a changed role or password takes effect at once.
     */
    public Optional<Standing> standingOf(AccountId accountId) {
        return jdbc
                .query(
                        "SELECT role, credential_version, email_verified FROM account_credentials WHERE account_id = ?",
                        (rs, row) -> new Standing(Role.valueOf(rs.getString(1)), rs.getInt(2), rs.getBoolean(3)),
                        accountId.value())
                .stream()
                .findFirst();
    }

    /** Whether the account's address is verified; false for an account that the directory does not know. */
    public boolean isEmailVerified(AccountId accountId) {
        return jdbc
                .queryForList(
                        "SELECT email_verified FROM account_credentials WHERE account_id = ?",
                        Boolean.class,
                        accountId.value())
                .stream()
                .findFirst()
                .orElse(false);
    }

    /**
     * The account's language now: what its pages may speak and its account page shows, read here because it changes
     * in the command's own transaction.
     */
    public Optional<Language> languageOf(AccountId accountId) {
        return jdbc
                .queryForList(
                        "SELECT language FROM account_credentials WHERE account_id = ?",
                        String.class,
                        accountId.value())
                .stream()
                .flatMap(code -> Language.of(code).stream())
                .findFirst();
    }

    /** The account's role now, read on every use of an API token so that a changed role takes effect at once. */
    public Optional<Role> roleOf(AccountId accountId) {
        return jdbc
                .queryForList(
                        "SELECT role FROM account_credentials WHERE account_id = ?", String.class, accountId.value())
                .stream()
                .map(Role::valueOf)
                .findFirst();
    }

    public Optional<AccountEntry> find(AccountId accountId) {
        return jdbc
                .query(
                        "SELECT account_id, email, display_name, role, language, email_verified FROM account_credentials"
                                + " WHERE account_id = ?",
                        AccountDirectory::entry,
                        accountId.value())
                .stream()
                .findFirst();
    }

    /**
     * At most {@code limit} accounts whose email contains {@code fragment} in any case, by email; every account (up
     * to the limit) for a blank fragment. Read here, where the role changes in the command's own transaction, so an
     * admin sees a change they just made at once.
     */
    public List<AccountEntry> search(String fragment, int limit) {
        var key = fragment == null ? "" : Emails.key(fragment);
        var literal = key.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return jdbc.query("""
                SELECT account_id, email, display_name, role, language, email_verified FROM account_credentials
                WHERE email_key LIKE ? ESCAPE '!' ORDER BY email_key LIMIT ?
                """, AccountDirectory::entry, "%" + literal + "%", limit);
    }

    private static AccountEntry entry(ResultSet rs, int row) throws SQLException {
        return new AccountEntry(
                AccountId.of(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                Role.valueOf(rs.getString(4)),
                Language.of(rs.getString(5)).orElse(Language.EN),
                rs.getBoolean(6));
    }

    public Optional<Credentials> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        """
                        SELECT account_id, email, display_name, password_hash, role, credential_version
                        FROM account_credentials WHERE email_key = ?
                        """,
                        (rs, row) -> new Credentials(
                                AccountId.of(rs.getString(1)),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                Role.valueOf(rs.getString(5)),
                                rs.getInt(6)),
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
