package io.seatwise.web.infra;

import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Which database the application runs on, for the few places outside this package that differ between them. */
public final class Databases {

    /**
     * The qualifier of the transaction managers, Spring's and Axon's, of what the event processors write: the read
     * models, the processors' positions and the mail outbox. On SQLite these live in a file of their own, whose
     * writer is not the event store's.
     */
    public static final String READ_MODELS = "readModels";

    /** The name under which every SQLite connection knows the read models' file. */
    public static final String READ_MODELS_SCHEMA = "read_models";

    /** What the read models' file is called: the event store's name with this before its extension. */
    private static final String READ_MODELS_SUFFIX = "-read-models";

    private Databases() {}

    /**
     * The SQLite file of the read models that belongs to the given event store file: {@code seatwise-read-models.db}
     * beside {@code seatwise.db}.
     */
    public static Path readModelsFile(Path eventStoreFile) {
        var name = eventStoreFile.getFileName().toString();
        int extension = name.lastIndexOf('.');
        var readModels = extension > 0
                ? name.substring(0, extension) + READ_MODELS_SUFFIX + name.substring(extension)
                : name + READ_MODELS_SUFFIX;
        return eventStoreFile.resolveSibling(readModels);
    }

    /** The statement that attaches, to a connection of the given event store file, its read models' file. */
    public static String attachReadModels(Path eventStoreFile) {
        var file = readModelsFile(eventStoreFile).toString().replace("'", "''");
        return "ATTACH DATABASE '" + file + "' AS " + READ_MODELS_SCHEMA;
    }

    /** SQLite: one node, its file in the data directory. Otherwise PostgreSQL, which several nodes may share. */
    public static boolean isSqlite(DataSource dataSource) {
        try {
            return EventStoreConfiguration.isSqlite(dataSource);
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("Cannot reach the database", e);
        }
    }
}
