package io.seatwise.query.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** A real SQLite file in the given folder, migrated by the application's own migrations. */
final class StatsDatabase {

    private static final Path MIGRATIONS = Path.of("../web/src/main/resources/db/migration/sqlite");

    private StatsDatabase() {}

    static DriverManagerDataSource in(Path dataDir) {
        var dataSource = new DriverManagerDataSource("jdbc:sqlite:" + dataDir.resolve("seatwise.db"));
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
