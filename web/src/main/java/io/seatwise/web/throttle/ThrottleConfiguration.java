package io.seatwise.web.throttle;

import java.util.ArrayList;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Tomcat learns which proxies to believe before anything else sees a request. */
@Configuration
class ThrottleConfiguration {

    /**
     * Runs after Spring Boot's own customizer, which adds Tomcat's {@code RemoteIpValve}, and puts {@link TrustedProxies}
     * in front of it: that valve believes every peer ({@code server.tomcat.remoteip.internal-proxies} in
     * {@code application.yml}) because this one has removed what it must not believe.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxiesFirst(ProxyProperties properties) {
        var trustedProxies = new TrustedProxies(properties.trustedProxies());
        return new WebServerFactoryCustomizerFirst(trustedProxies);
    }

    private record WebServerFactoryCustomizerFirst(TrustedProxies valve)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            var valves = new ArrayList<>(factory.getEngineValves());
            valves.add(0, valve);
            factory.setEngineValves(valves);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
