package io.seatwise.web.security;

import jakarta.servlet.Filter;
import java.util.function.Predicate;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

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

    /** Header names: what Spring Security allows, every character assigned and none a control character. */
    static final Predicate<String> HEADER_NAMES = text -> allCodePoints(text, false);

    /** Header values: the same, except that a tab may appear. */
    static final Predicate<String> HEADER_VALUES = text -> allCodePoints(text, true);

    /**
     * Spring Security's strict firewall with its default rules, the header rules checked without a regular
     * expression: the firewall checks every header name and value a request is asked for, and matching Spring
     * Security's patterns was about 3 % of the server's CPU in a storm of bookings. {@code RequestMatchingTest} holds
     * the two predicates to Spring Security's on many strings.
     */
    @Bean
    StrictHttpFirewall httpFirewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HEADER_NAMES);
        firewall.setAllowedHeaderValues(HEADER_VALUES);
        return firewall;
    }

    private static boolean allCodePoints(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean allowed = Character.isDefined(codePoint)
                    && (!Character.isISOControl(codePoint) || (tabAllowed && codePoint == '\t'));
            if (!allowed) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /**
     * Spring MVC looks each request's handler up once, not twice. Spring Security puts a filter of Spring MVC's
     * {@link HandlerMappingIntrospector} in front of its filter chain, which looks the handler up in advance and keeps
     * it for request matchers that ask Spring MVC. The matchers here are path patterns and never ask, so that lookup
     * only repeated the DispatcherServlet's: 7 % of the server's CPU in a storm of bookings. The introspector is
     * otherwise unchanged; only the filter it hands out passes requests straight on.
     */
    @Bean
    static BeanPostProcessor handlerLookupOnlyInSpringMvc() {
        return new HandlerLookupOnlyInSpringMvc();
    }

    private static final class HandlerLookupOnlyInSpringMvc implements BeanPostProcessor, ApplicationContextAware {

        private ApplicationContext context;

        @Override
        public void setApplicationContext(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public Object postProcessBeforeInitialization(Object bean, String name) {
            if (bean.getClass() != HandlerMappingIntrospector.class) {
                return bean;
            }
            var introspector = new HandlerMappingIntrospector() {
                @Override
                public Filter createCacheFilter() {
                    return (request, response, chain) -> chain.doFilter(request, response);
                }
            };
            // the container initializes the bean it is handed back; the application context came before this
            introspector.setApplicationContext(context);
            return introspector;
        }
    }
}
