package io.seatwise.query.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The real SQLite files of the application's database in the given folder, migrated by its own migrations. */
final class StatsDatabase {

    /** The SQL both databases share and SQLite's own, as the application's Flyway reads them. */
    private static final List<Path> MIGRATIONS = List.of(
            Path.of("../web/src/main/resources/db/migration/common"),
            Path.of("../web/src/main/resources/db/migration/sqlite"));

    private StatsDatabase() {}

    /** One connection that sees both files, the read models' attached as the application attaches it. */
    static SingleConnectionDataSource in(Path dataDir) {
        var dataSource = new SingleConnectionDataSource("jdbc:sqlite:" + dataDir.resolve("seatwise.db"), true);
        new JdbcTemplate(dataSource)
                .execute("ATTACH DATABASE '" + dataDir.resolve("seatwise-read-models.db") + "' AS read_models");
        var populator = new ResourceDatabasePopulator();
        MIGRATIONS.stream()
                .flatMap(StatsDatabase::scripts)
                .sorted(Comparator.comparing(StatsDatabase::version))
                .forEach(script -> populator.addScript(new FileSystemResource(script)));
        populator.execute(dataSource);
        return dataSource;
    }

    private static Stream<Path> scripts(Path folder) {
        try (var scripts = Files.list(folder)) {
            return scripts.toList().stream();
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
