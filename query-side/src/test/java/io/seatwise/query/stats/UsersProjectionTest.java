package io.seatwise.query.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.AccountRegistered;
import io.seatwise.api.account.Language;
import io.seatwise.api.account.Role;
import io.seatwise.api.account.RoleChanged;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class UsersProjectionTest {

    private static final Instant NOW = Instant.parse("2030-03-04T10:00:00Z");
    private static final AccountId SAM = AccountId.of("sam");
    private static final AccountId ROOT = AccountId.of("root");

    @TempDir
    Path dataDir;

    private JdbcTemplate jdbc;
    private UsersProjection projection;

    @BeforeEach
    void projection() {
        jdbc = new JdbcTemplate(StatsDatabase.in(dataDir));
        projection = new UsersProjection(jdbc);
        projection.on(new AccountRegistered(SAM, "sam@example.org", "Sam", Role.USER, NOW, Language.EN, false));
    }

    @Test
    void changedRoleReplacesTheRegisteredOne() {
        projection.on(new RoleChanged(SAM, Role.STAFF, ROOT, NOW.plusSeconds(60)));

        assertThat(roleOf(SAM)).isEqualTo("STAFF");
    }

    @Test
    void replayEndsWithTheLastRole() {
        projection.on(new RoleChanged(SAM, Role.STAFF, ROOT, NOW.plusSeconds(60)));
        projection.on(new RoleChanged(SAM, Role.ADMIN, ROOT, NOW.plusSeconds(120)));

        projection.reset();
        projection.on(new AccountRegistered(SAM, "sam@example.org", "Sam", Role.USER, NOW, Language.EN, false));
        projection.on(new RoleChanged(SAM, Role.STAFF, ROOT, NOW.plusSeconds(60)));
        projection.on(new RoleChanged(SAM, Role.ADMIN, ROOT, NOW.plusSeconds(120)));

        assertThat(roleOf(SAM)).isEqualTo("ADMIN");
    }

    private String roleOf(AccountId account) {
        return jdbc.queryForObject("SELECT role FROM stats_users WHERE account_id = ?", String.class, account.value());
    }
}
