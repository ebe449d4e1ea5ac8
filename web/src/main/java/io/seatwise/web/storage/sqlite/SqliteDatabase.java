package io.seatwise.web.storage.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two files of a SQLite database and the settings of its connections. {@code seatwise.db} holds what commands
 * write (the event store, snapshots, the account directory and the booking ledger), and {@code
 * seatwise-read-models.db} beside it what the event processors write (the read models, their positions in the event
 * stream, the mail outbox). Every connection attaches the second file as {@value #READ_MODELS_SCHEMA}, so that each
 * table is found by its name alone and queries do not care where it lives.
 */
public final class SqliteDatabase {

    /** The name under which every SQLite connection knows the read models' file. */
    public static final String READ_MODELS_SCHEMA = "read_models";

    static final String DATABASE_FILE = "seatwise.db";

    /**
     * Every connection's settings. The event store's file syncs the write-ahead log at every commit
     * ({@code synchronous=FULL}), so that what a 201 acknowledged survives a power cut or a crash of the machine, not
     * only of the process; the group commit makes that one sync per batch of commands, not per booking. sqlite-jdbc
     * would otherwise ask for the generated keys after every insert, which nothing here reads: every table's key is
     * assigned by the application.
     */
    static final String SQLITE_SETTINGS =
            "journal_mode=WAL&synchronous=FULL&busy_timeout=60000&foreign_keys=true&jdbc.get_generated_keys=false";

    /**
     * For bulk writes ({@code seatwise.sqlite.bulk-writes}, set by the {@code replay} profile of {@code seatwise.jar
     * replay}, which rewrites every read model in large transactions): a page cache that holds what a transaction
     * changes (SQLite's default of 2 MB would spill it to the WAL on the way), and checkpoints once the WAL has grown
     * to 400 MB instead of 4 MB, so that a page changed by several transactions is copied back into the database once.
     */
    private static final String BULK_CACHE_SIZE = "cache_size=-262144";

    static final String SQLITE_BULK_SETTINGS = "&" + BULK_CACHE_SIZE + "&wal_autocheckpoint=100000";

    /** What the read models' file is called: the event store's name with this before its extension. */
    private static final String READ_MODELS_SUFFIX = "-read-models";

    private SqliteDatabase() {}

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

    /**
     * The statements that attach the read models' file to each new connection: write-ahead log as for the event
     * store's file, but synced only at checkpoints ({@code synchronous=NORMAL}), which keeps every commit through a
     * crash of the process; a power cut may lose its last commits, and then the processors handle those events again
     * from their stored positions, or a replay rebuilds the file. SQLite keeps the journal mode, the sync mode and the
     * page cache per file.
     */
    static List<String> attachReadModels(String url) {
        var eventStore = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*", ""));
        var schema = READ_MODELS_SCHEMA;
        var statements = new ArrayList<String>();
        statements.add(attachReadModels(eventStore));
        statements.add("PRAGMA " + schema + ".journal_mode=WAL");
        statements.add("PRAGMA " + schema + ".synchronous=NORMAL");
        if (url.contains(SQLITE_BULK_SETTINGS)) {
            statements.add("PRAGMA " + schema + "." + BULK_CACHE_SIZE);
        }
        return statements;
    }

    /** The URL of the database in the data directory, which is created if need be. */
    static String url(Path dataDir, boolean bulkWrites) {
        var directory = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + directory, e);
        }
        return "jdbc:sqlite:" + directory.resolve(DATABASE_FILE) + "?" + SQLITE_SETTINGS
                + (bulkWrites ? SQLITE_BULK_SETTINGS : "");
    }
}
