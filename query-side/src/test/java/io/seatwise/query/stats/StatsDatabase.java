package io.seatwise.query.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The real SQLite files of the application's database in the given folder, migrated by its own migrations. */
final class StatsDatabase {

    private static final Path MIGRATIONS = Path.of("../web/src/main/resources/db/migration/sqlite");

    private StatsDatabase() {}

    /** One connection that sees both files, the read models' attached as the application attaches it. */
    static SingleConnectionDataSource in(Path dataDir) {
        var dataSource = new SingleConnectionDataSource("jdbc:sqlite:" + dataDir.resolve("seatwise.db"), true);
        new JdbcTemplate(dataSource)
                .execute("ATTACH DATABASE '" + dataDir.resolve("seatwise-read-models.db") + "' AS read_models");
        try (var scripts = Files.list(MIGRATIONS)) {
            var populator = new ResourceDatabasePopulator();
            scripts.sorted(Comparator.comparingInt(StatsDatabase::version))
                    .forEach(script -> populator.addScript(new FileSystemResource(script)));
            populator.execute(dataSource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dataSource;
    }

    private static int version(Path script) {
        var name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
