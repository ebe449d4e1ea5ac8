package io.seatwise.web.storage.sqlite;

import io.seatwise.web.storage.KeptSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Each secret in a file of the data directory named as the secret ({@code token-secret}), readable by its owner only
 * from the moment it exists, and written once: the secret is written whole into a file of its own, created with the
 * owner's permissions only, and then linked under its name, which fails if the name is taken. Of two processes that
 * start at the same moment on one data directory, one links its file and both read that one; no secret is ever
 * overwritten, and nobody reads a half-written one.
 */
final class SecretFiles implements KeptSecrets {

    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

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
                Files.createDirectories(dataDir);
                keepFirst(file, generated);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret " + file, e);
        }
    }

    /** Puts the secret under the file's name unless another process has put its own there first. */
    private void keepFirst(Path file, String secret) throws IOException {
        var written = ownerOnlyFile(file.getFileName() + "-");
        try {
            try (var channel = FileChannel.open(written, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(secret.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try {
                Files.createLink(file, written);
            } catch (FileAlreadyExistsException raced) {
                // another process kept its secret first: that one counts
            } catch (UnsupportedOperationException noHardLinks) {
                // a file system without links: a move that replaces nothing, checked just before
                try {
                    Files.move(written, file);
                } catch (FileAlreadyExistsException raced) {
                    // another process kept its secret first
                }
            }
        } finally {
            Files.deleteIfExists(written);
        }
    }

    private Path ownerOnlyFile(String prefix) throws IOException {
        try {
            return Files.createTempFile(dataDir, "." + prefix, ".new", OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            // on a file system without POSIX permissions the directory's own protection has to do
            return Files.createTempFile(dataDir, "." + prefix, ".new");
        }
    }
}
