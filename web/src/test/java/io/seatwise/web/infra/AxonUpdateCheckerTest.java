package io.seatwise.web.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.StandaloneApplication;
import java.nio.file.Path;
import org.axonframework.updates.UpdateChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Axon's update checker calls a host outside, which Seatwise must never do. Axon itself skips the checker when it
 * finds a test framework on the stack, so a context started by Spring's test support would pass this test even with
 * the checker switched on; the application is therefore started as in production, from a plain thread.
 */
class AxonUpdateCheckerTest {

    @Test
    void updateCheckerIsNotCreated(@TempDir Path dataDir) throws Exception {
        try (var application = StandaloneApplication.startOutsideTestRunner(dataDir)) {
            var context = application.context();

            assertThat(context.getBeanNamesForType(UpdateChecker.class)).isEmpty();
            assertThat(context.getBean(org.axonframework.config.Configuration.class)
                            .getComponent(UpdateChecker.class))
                    .isNull();
        }
    }
}
