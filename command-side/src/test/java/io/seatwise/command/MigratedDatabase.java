package io.seatwise.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The real SQLite files of the application's database in the given folder, migrated by its own migrations. */
public final class MigratedDatabase {

    /** SQLite's folder and the one SQL both databases share, as the application's Flyway reads them. */
    private static final List<Path> MIGRATIONS = List.of(
            Path.of("../web/src/main/resources/db/migration/common"),
            Path.of("../web/src/main/resources/db/migration/sqlite"));

    private MigratedDatabase() {}

    public static JdbcTemplate in(Path dataDir) {
        return in(dataDir, Integer.MAX_VALUE);
    }

    /**
     * Migrated only up to the given version, as a database of an older release is; a version's split parts (3.1 after
     * 3) count as the version, whose released script held them.
     */
    public static JdbcTemplate in(Path dataDir, int lastVersion) {
        var dataSource = new AttachingReadModels(dataDir);
        migrate(dataSource, version -> version <= lastVersion);
        return new JdbcTemplate(dataSource);
    }

    /**
     * The two files of the application's database, as each of its connections sees them: the event store's, and the
     * read models' attached as {@code read_models}.
     */
    private static final class AttachingReadModels extends DriverManagerDataSource {

        private final Path readModels;

        AttachingReadModels(Path dataDir) {
            super("jdbc:sqlite:" + dataDir.resolve("seatwise.db"));
            this.readModels = dataDir.resolve("seatwise-read-models.db");
        }

        @Override
        protected Connection getConnectionFromDriver(Properties properties) throws SQLException {
            var connection = super.getConnectionFromDriver(properties);
            try (var statement = connection.createStatement()) {
                statement.execute("ATTACH DATABASE '" + readModels + "' AS read_models");
            }
            return connection;
        }
    }

    /** Applies the migrations from the given version on, as the next start of a newer release does. */
    public static void migrateFrom(JdbcTemplate jdbc, int firstVersion) {
        migrate(jdbc.getDataSource(), version -> version >= firstVersion);
    }

    private static void migrate(DataSource dataSource, IntPredicate versions) {
        var populator = new ResourceDatabasePopulator();
        MIGRATIONS.stream()
                .flatMap(MigratedDatabase::scripts)
                .filter(script -> versions.test(migrationVersion(script).feature()))
                .sorted(Comparator.comparing(MigratedDatabase::migrationVersion))
                .forEach(script -> populator.addScript(new FileSystemResource(script)));
        populator.execute(dataSource);
    }

    private static Stream<Path> scripts(Path folder) {
        try (var scripts = Files.list(folder)) {
            return scripts.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flyway's version of a script (V3.1__… is 3.1), compared number by number as Flyway does. */
    private static Runtime.Version migrationVersion(Path script) {
        var name = script.getFileName().toString();
        return Runtime.Version.parse(name.substring(1, name.indexOf("__")));
    }
}
