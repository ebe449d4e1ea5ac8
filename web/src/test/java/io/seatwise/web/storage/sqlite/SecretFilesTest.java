package io.seatwise.web.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aNameThatIsNoPlainFileNameIsRefused() {
        assertThatThrownBy(() -> new SecretFiles(dataDir).keptOr("../elsewhere", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
