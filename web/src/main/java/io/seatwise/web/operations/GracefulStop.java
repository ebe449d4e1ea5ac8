package io.seatwise.web.operations;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * How a node stops (SIGTERM, as {@code systemctl stop} or {@code docker stop} send it, or any close of the
 * application), so that a load balancer in front of several nodes loses no request:
 *
 * <ol>
 *   <li>Spring Boot turns the readiness to refusing traffic: {@code /actuator/health/readiness} and
 *       {@code /actuator/health} answer 503 {@code OUT_OF_SERVICE};
 *   <li>the node goes on serving for {@code seatwise.shutdown.drain} (here), long enough for a load balancer that polls
 *       either to stop sending it requests ({@link ShutdownProperties#drain()});
 *   <li>open live seat maps are closed (their browsers reconnect, through the load balancer to another node);
 *   <li>the web server stops taking connections and answers the requests in flight
 *       ({@code server.shutdown: graceful}, for up to {@code spring.lifecycle.timeout-per-shutdown-phase});
 *   <li>the event processors stop and give their segments back in the token store, where the other nodes claim them at
 *       their next heartbeat ({@code storage.postgres.ProcessorBalancer}); then the database pool closes.
 * </ol>
 *
 * <p>The drain runs when the context closes, after the readiness changed and before anything stops: a listener of
 * the close, since every component that stops later (live seat maps, web server, processors) is a lifecycle that the
 * close stops only after its listeners have run.
 */
@Component
final class GracefulStop implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private final ApplicationContext context;
    private final ApplicationAvailability availability;
    private final Duration drain;

    GracefulStop(ApplicationContext context, ApplicationAvailability availability, ShutdownProperties properties) {
        this.context = context;
        this.availability = availability;
        this.drain = properties.drain();
    }

    /** Waits out the drain when the web application itself closes (not a replay run, which has no web server). */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() != context
                || !(context instanceof WebServerApplicationContext)
                || drain.isZero()
                || drain.isNegative()) {
            return;
        }
        log.info(
                "Stopping: readiness is {}; still serving for {} ms so that load balancers notice",
                availability.getReadinessState(),
                drain.toMillis());
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
