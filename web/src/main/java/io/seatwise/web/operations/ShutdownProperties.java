package io.seatwise.web.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a node stops ({@link GracefulStop}).
 *
 * @param drain how long a stopping node goes on serving after it reported itself not ready, so that load balancers
 *     notice; 0 stops at once (as the tests' applications do)
 */
@ConfigurationProperties("seatwise.shutdown")
public record ShutdownProperties(@DefaultValue("5s") Duration drain) {}
