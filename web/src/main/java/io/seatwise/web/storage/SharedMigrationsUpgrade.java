package io.seatwise.web.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;

/**
 * Lets a database migrated by a release from before the shared migrations (db/migration/common, see the README
 * there) go on migrating. Moving the SQL that both databases share into one folder changed the checksums Flyway
 * recorded for some released versions, and moved statements of V3 and V4 into versions of their own (V3.1, V4.1).
 * Flyway would refuse such a database: its history does not match the scripts.
 *
 * <p>Before migrating, a history row is rewritten only when its checksum is exactly that of the released script of
 * its version for this database: that proves the database ran that very script, and the scripts that replace it run
 * the same statements (SharedMigrationsSqliteTest and SharedMigrationsPostgresTest start the application on databases
 * of that release, and show that a new database gets the same schema). The row then takes the checksum of today's
 * script (names and descriptions did not change), and a split version gets the row its statements would have
 * written, dated as the version they ran in. Any other mismatch, a failed migration
 * or a changed script, is left to Flyway's validation, which refuses it as before. The rewrite is one transaction
 * (on PostgreSQL under a lock of the history table, for nodes that start together), so it happens once.
 *
 * <p>Each database's configuration installs the upgrade with its own released checksums ({@link #SQLITE},
 * {@link #POSTGRESQL}).
 */
public final class SharedMigrationsUpgrade implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(SharedMigrationsUpgrade.class);

    /** On SQLite: the checksums of the released scripts that the shared layout replaced, by version. */
    public static final SharedMigrationsUpgrade SQLITE =
            new SharedMigrationsUpgrade(Map.of("3", 2006820146, "4", -847873586), null);

    /** On PostgreSQL, where nodes that start together take turns through a lock of the history table. */
    public static final SharedMigrationsUpgrade POSTGRESQL = new SharedMigrationsUpgrade(
            Map.of("2", -1851978776, "3", -1648563907, "4", 1067257723, "5", 988703849),
            "LOCK TABLE %s IN EXCLUSIVE MODE");

    /** Versions whose statements were released inside the version they map from. */
    static final Map<String, String> SPLIT_VERSIONS = Map.of("3", "3.1", "4", "4.1");

    private final Map<String, Integer> released;
    private final String lockHistory;

    private SharedMigrationsUpgrade(Map<String, Integer> released, String lockHistory) {
        this.released = released;
        this.lockHistory = lockHistory;
    }

    @Override
    public void migrate(Flyway flyway) {
        upgradeHistory(flyway);
        flyway.migrate();
    }

    /** Rewrites the history of a database migrated by the released layout; does nothing to any other. */
    void upgradeHistory(Flyway flyway) {
        var configuration = flyway.getConfiguration();
        var table = configuration.getTable();
        try (var connection = configuration.getDataSource().getConnection()) {
            if (!hasTable(connection, table)) {
                return;
            }
            var autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                if (lockHistory != null) {
                    try (var lock = connection.createStatement()) {
                        lock.execute(lockHistory.formatted(table));
                    }
                }
                var stale = staleVersions(connection, table, released);
                if (!stale.isEmpty()) {
                    rewrite(connection, table, stale, resolvedScripts(flyway));
                    log.info(
                            "Migration history of a release before the shared migrations realigned: versions {}",
                            stale);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not upgrade the migration history: " + e.getMessage(), e);
        }
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        try (var tables = connection.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    /** The successfully applied versions whose checksum is that of the released script. */
    private static List<String> staleVersions(Connection connection, String table, Map<String, Integer> released)
            throws SQLException {
        var stale = new ArrayList<String>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT version, checksum, success FROM " + table + " WHERE version IS NOT NULL")) {
            while (rows.next()) {
                var version = rows.getString("version");
                var checksum = rows.getObject("checksum") == null ? null : rows.getInt("checksum");
                if (rows.getBoolean("success") && Objects.equals(released.get(version), checksum)) {
                    stale.add(version);
                }
            }
        }
        stale.sort(null);
        return stale;
    }

    private static Map<String, MigrationInfo> resolvedScripts(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(info -> info.getVersion() != null && info.getResolvedChecksum() != null)
                .collect(Collectors.toMap(info -> info.getVersion().getVersion(), Function.identity()));
    }

    private static void rewrite(
            Connection connection, String table, List<String> versions, Map<String, MigrationInfo> scripts)
            throws SQLException {
        for (var version : versions) {
            var script = required(scripts, version);
            try (var update = connection.prepareStatement("UPDATE " + table + " SET checksum = ? WHERE version = ?")) {
                update.setInt(1, script.getResolvedChecksum());
                update.setString(2, version);
                update.executeUpdate();
            }
            var split = SPLIT_VERSIONS.get(version);
            if (split != null) {
                insertAppliedWith(connection, table, required(scripts, split), version);
            }
        }
    }

    /** Records a split version as applied, by whom and when the version that held its statements was. */
    private static void insertAppliedWith(Connection connection, String table, MigrationInfo split, String version)
            throws SQLException {
        var sql = "INSERT INTO " + table + " (installed_rank, version, description, type, script, checksum,"
                + " installed_by, installed_on, execution_time, success)"
                + " SELECT (SELECT MAX(installed_rank) + 1 FROM " + table + "), ?, ?, ?, ?, ?,"
                + " installed_by, installed_on, 0, success FROM " + table + " WHERE version = ?"
                + " AND NOT EXISTS (SELECT 1 FROM " + table + " WHERE version = ?)";
        try (var insert = connection.prepareStatement(sql)) {
            insert.setString(1, split.getVersion().getVersion());
            insert.setString(2, split.getDescription());
            insert.setString(3, split.getType().name());
            insert.setString(4, split.getScript());
            insert.setInt(5, split.getResolvedChecksum());
            insert.setString(6, version);
            insert.setString(7, split.getVersion().getVersion());
            insert.executeUpdate();
        }
    }

    private static MigrationInfo required(Map<String, MigrationInfo> scripts, String version) {
        var script = scripts.get(version);
        if (script == null) {
            throw new FlywayException("No migration script for version " + version + " to realign the history with");
        }
        return script;
    }
}
