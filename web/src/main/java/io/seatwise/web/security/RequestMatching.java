package io.seatwise.web.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;

/**
 * How Spring Security looks at each request, chosen for a booking rush, where the filter chain costs more CPU than
 * deciding the booking does (measured by the benchmark's profile).
 */
@Configuration
class RequestMatching {

    /**
     * The security rules' paths are matched as Spring MVC's path patterns on the request path. By default Spring
     * Security asks Spring MVC's handler mappings to match every rule of every request.
     */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * No observation around each security filter: requests are timed as a whole ({@code http.server.requests}), and
     * the per-filter observations took a tenth of a booking's time.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
