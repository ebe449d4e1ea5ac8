package io.seatwise.query.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The application's database, migrated by its own migrations: real SQLite files, or a PostgreSQL database. */
public final class StatsDatabase {

    private static final Path MIGRATIONS = Path.of("../web/src/main/resources/db/migration");

    private StatsDatabase() {}

    /** One connection that sees both files, the read models' attached as the application attaches it. */
    public static SingleConnectionDataSource in(Path dataDir) {
        var dataSource = new SingleConnectionDataSource("jdbc:sqlite:" + dataDir.resolve("seatwise.db"), true);
        new JdbcTemplate(dataSource)
                .execute("ATTACH DATABASE '" + dataDir.resolve("seatwise-read-models.db") + "' AS read_models");
        migrate(dataSource, "sqlite");
        return dataSource;
    }

    /** Runs the SQL both databases share and the vendor's own ("sqlite", "postgresql"), as the application's Flyway. */
    static void migrate(DataSource dataSource, String vendor) {
        var populator = new ResourceDatabasePopulator();
        Stream.of(MIGRATIONS.resolve("common"), MIGRATIONS.resolve(vendor))
                .flatMap(StatsDatabase::scripts)
                .sorted(Comparator.comparing(StatsDatabase::version))
                .forEach(script -> populator.addScript(new FileSystemResource(script)));
        populator.execute(dataSource);
    }

    private static Stream<Path> scripts(Path folder) {
        try (var scripts = Files.list(folder)) {
            return scripts.filter(script -> script.toString().endsWith(".sql")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flyway's version of a script (V3.1__… is 3.1), compared number by number as Flyway does. */
    private static Runtime.Version version(Path script) {
        var name = script.getFileName().toString();
        return Runtime.Version.parse(name.substring(1, name.indexOf("__")));
    }
}
