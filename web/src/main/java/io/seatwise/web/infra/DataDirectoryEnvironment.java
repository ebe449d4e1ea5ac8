package io.seatwise.web.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at the SQLite file in {@code SEATWISE_DATA_DIR} unless a datasource URL is configured, and
 * sets SQLite up so that concurrent requests never see {@code SQLITE_BUSY}: WAL lets readers run beside the one
 * writer, every transaction begins IMMEDIATE (taking the write lock up front, so no transaction ever has to upgrade
 * a read lock, which SQLite answers with an immediate BUSY), and the busy timeout makes writers queue instead of
 * failing.
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor {

    static final String DATABASE_FILE = "seatwise.db";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var url = environment.getProperty("spring.datasource.url");
        var defaults = new HashMap<String, Object>();
        if (url == null || url.isBlank()) {
            var dataDir = Path.of(environment.getProperty("seatwise.data-dir", "./data"))
                    .toAbsolutePath()
                    .normalize();
            createDirectories(dataDir);
            url = "jdbc:sqlite:" + dataDir.resolve(DATABASE_FILE)
                    + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=60000&transaction_mode=IMMEDIATE"
                    + "&foreign_keys=true";
            defaults.put("spring.datasource.url", url);
        }
        if (url.startsWith("jdbc:sqlite:")) {
            defaults.put("spring.datasource.driver-class-name", "org.sqlite.JDBC");
            defaults.put("spring.jpa.database-platform", "org.hibernate.community.dialect.SQLiteDialect");
        }
        environment.getPropertySources().addLast(new MapPropertySource("seatwise-datasource", defaults));
    }

    private static void createDirectories(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
    }
}
