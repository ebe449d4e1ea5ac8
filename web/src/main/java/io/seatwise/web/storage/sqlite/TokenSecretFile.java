package io.seatwise.web.storage.sqlite;

import io.seatwise.web.storage.TokenSecretStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** The token secret in a file of the data directory, readable by its owner only. */
final class TokenSecretFile implements TokenSecretStore {

    static final String SECRET_FILE = "token-secret";

    private final Path file;

    TokenSecretFile(Path dataDir) {
        this.file = dataDir.resolve(SECRET_FILE);
    }

    @Override
    public String keptOr(String generated) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                try {
                    Files.writeString(file, generated, StandardOpenOption.CREATE_NEW);
                    restrictToOwner(file);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token secret " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // on a file system without POSIX permissions the directory's own protection has to do
        }
    }
}
