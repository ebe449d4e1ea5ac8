package io.seatwise.web.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/**
 * SPEC §4: {@code /actuator/prometheus} (admin only) exposes request, command, event-processor and mail metrics. Spring
 * Boot's tests leave metrics out unless asked, hence the annotation.
 */
@AutoConfigureObservability
class MetricsTest extends ApplicationTest {

    @Test
    void prometheusShowsRequestCommandProcessorAndMailMetrics() {
        var event = eventOnSale("Metrics Hall", 2, 4, "The measured night", 5);
        assertThat(api.book(api.newUserToken("Mia"), event, List.of(3)).status())
                .isEqualTo(201);

        // the processors count the booking once they have handled it
        eventually(() -> api.metrics(adminToken()).body().contains("mail_ingestedCounter_total"));
        var metrics = api.metrics(adminToken());

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count")
                .contains("commandBus_successCounter_total")
                .contains("catalog_ingestedCounter_total")
                .contains("mail_ingestedCounter_total")
                // Seatwise's own, cheaper monitors (infra/MessageMetrics) under Axon's names, and how far behind each
                // event processor is
                .contains("commandBus_allTimer_seconds_count")
                .contains("catalog_latency_milliseconds");
    }
}
