package io.seatwise.query.stats;

import io.seatwise.api.account.AccountRegistered;
import io.seatwise.api.account.RoleChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The accounts, for the admins' user export; part of the statistics group, so it is replayed with it. */
@Component
@ProcessingGroup(StatisticsProjection.GROUP)
class UsersProjection {

    private final JdbcTemplate jdbc;

    UsersProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountRegistered event) {
        jdbc.update(
                """
                INSERT INTO stats_users (account_id, email, display_name, role, registered_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (account_id) DO NOTHING
                """,
                event.accountId().value(),
                event.email(),
                event.displayName(),
                event.role().name(),
                event.registeredAt().toEpochMilli());
    }

    /** An account's events reach this group in their order, so the last change is the one that stays. */
    @EventHandler
    void on(RoleChanged event) {
        jdbc.update(
                "UPDATE stats_users SET role = ? WHERE account_id = ?",
                event.role().name(),
                event.accountId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM stats_users");
    }
}
