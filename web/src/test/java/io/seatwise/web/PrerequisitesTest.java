package io.seatwise.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PrerequisitesTest {

    @Test
    void aPresentPrerequisiteNeitherSkipsNorFails() {
        assertThatCode(() -> Prerequisites.require(true, "Chromium", Map.of("CI", "true")))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingPrerequisiteSkipsOutsideCi() {
        assertThatThrownBy(() -> Prerequisites.require(false, "no Chromium", Map.of()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no Chromium");
        assertThatThrownBy(() -> Prerequisites.require(false, "no Chromium", Map.of("CI", "false")))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void aMissingPrerequisiteFailsOnCi() {
        assertThatThrownBy(() -> Prerequisites.require(false, "no PostgreSQL", Map.of("CI", "true")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CI=true")
                .hasMessageContaining("no PostgreSQL");
        assertThatThrownBy(() -> Prerequisites.require(false, "no PostgreSQL", Map.of("CI", " TRUE ")))
                .isInstanceOf(IllegalStateException.class);
    }
}
