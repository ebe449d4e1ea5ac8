package io.seatwise.web.storage.sqlite;

import io.seatwise.web.storage.KeptSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Each secret in a file of the data directory named as the secret ({@code token-secret}), readable by its owner only. */
final class SecretFiles implements KeptSecrets {

    private final Path dataDir;

    SecretFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public String keptOr(String name, String generated) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("A secret's name is lower-case letters, digits and hyphens: " + name);
        }
        var file = dataDir.resolve(name);
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
            throw new UncheckedIOException("Cannot read or create the secret " + file, e);
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
