package io.seatwise.web.throttle;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The proxies whose forwarded headers say who the client is ({@link TrustedProxies}).
 *
 * @param trustedProxies addresses and CIDR ranges ({@code SEATWISE_TRUSTED_PROXIES=10.0.0.7,fd00::/8}); none when
 *     unset, and then every request's client is the address it came from
 */
@ConfigurationProperties("seatwise")
public record ProxyProperties(List<String> trustedProxies) {

    public List<String> trustedProxies() {
        return trustedProxies == null ? List.of() : trustedProxies;
    }
}
