package io.seatwise.web.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets in files of the data directory: kept once, never replaced, never readable by others. */
class SecretFilesTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecretIsKeptInAFileOfItsNameReadableByItsOwnerOnly() throws Exception {
        var kept = new SecretFiles(dataDir).keptOr("ticket-key", "first");

        assertThat(kept).isEqualTo("first");
        assertThat(dataDir.resolve("ticket-key")).hasContent("first");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("ticket-key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void theSecretKeptBeforeWinsOverANewlyGeneratedOne() {
        new SecretFiles(dataDir).keptOr("ticket-key", "first");

        assertThat(new SecretFiles(dataDir).keptOr("ticket-key", "second")).isEqualTo("first");
    }

    @Test
    void eachNameKeepsItsOwnSecret() {
        var secrets = new SecretFiles(dataDir);

        assertThat(secrets.keptOr("token-secret", "tokens")).isEqualTo("tokens");
        assertThat(secrets.keptOr("ticket-key", "tickets")).isEqualTo("tickets");
        assertThat(secrets.keptOr("token-secret", "other")).isEqualTo("tokens");
    }

    /**
     * Twelve processes start together, each with a secret of its own (large, so that writing one takes a while), while
     * an onlooker watches the name: everyone keeps the same secret, and from the moment the file exists it holds a
     * whole secret and is readable by its owner only.
     */
    @Test
    void processesGeneratingTogetherAllKeepOneSecretThatAppearsWholeAndOwnerOnly() throws Exception {
        int processes = 12;
        for (int round = 0; round < 5; round++) {
            var name = "token-secret-" + round;
            var file = dataDir.resolve(name);
            var start = new CyclicBarrier(processes + 1);
            var pool = Executors.newFixedThreadPool(processes + 1);
            try {
                var seen = pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    while (!Files.exists(file)) {
                        Thread.onSpinWait();
                    }
                    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) + " " + Files.size(file);
                });
                var kept = new ArrayList<Future<String>>();
                for (int process = 0; process < processes; process++) {
                    // as a process of its own would: its own instance, its own secret
                    var generated = String.format("%02d", process).repeat(1 << 20);
                    kept.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return new SecretFiles(dataDir).keptOr(name, generated);
                    }));
                }
                var secrets = new HashSet<String>();
                for (var secret : kept) {
                    secrets.add(secret.get(60, TimeUnit.SECONDS));
                }

                assertThat(secrets).as("secrets kept in round " + round).hasSize(1);
                assertThat(secrets.iterator().next()).hasSize(2 << 20);
                assertThat(Files.readString(file)).isEqualTo(secrets.iterator().next());
                assertThat(seen.get(60, TimeUnit.SECONDS))
                        .as("the file as it first appeared")
                        .isEqualTo("rw------- " + (2 << 20));
            } finally {
                pool.shutdownNow();
            }
        }
        try (var left = Files.list(dataDir)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .as("no half-written files left behind")
                    .allMatch(file -> file.matches("token-secret-\\d"));
        }
    }

    @Test
    void aSecretFileIsNeverReplaced() throws Exception {
        var file = dataDir.resolve("token-secret");
        Files.writeString(file, "kept-by-an-operator");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(new SecretFiles(dataDir).keptOr("token-secret", "generated")).isEqualTo("kept-by-an-operator");
        assertThat(file).hasContent("kept-by-an-operator");
    }

    @Test
    void aNameThatIsNoPlainFileNameIsRefused() {
        assertThatThrownBy(() -> new SecretFiles(dataDir).keptOr("../elsewhere", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
