package io.seatwise.web.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language of the pages: the one chosen with {@code ?lang=de} (kept in a cookie for a year), else the first
 * language the browser asks for (Accept-Language) that Seatwise speaks, else English. Seatwise speaks the languages
 * of its message bundles: {@code messages.properties} (English) and {@code messages_de.properties} (German).
 */
@Configuration
class LanguageConfiguration implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);
    static final String PARAMETER = "lang";

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("seatwise-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(LanguageConfiguration::preferred);
        return resolver;
    }

    private static Locale preferred(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Locale.ENGLISH;
        }
        for (var wanted : Collections.list(request.getLocales())) {
            var spoken = spoken(wanted.getLanguage());
            if (spoken != null) {
                return spoken;
            }
        }
        return Locale.ENGLISH;
    }

    private static Locale spoken(String language) {
        return LANGUAGES.stream()
                .filter(locale -> locale.getLanguage().equalsIgnoreCase(language))
                .findFirst()
                .orElse(null);
    }

    /** {@code ?lang=…} on any page switches the language; a language Seatwise does not speak is ignored. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                var requested = request.getParameter(PARAMETER);
                var spoken = requested == null ? null : spoken(requested.strip());
                if (spoken != null) {
                    localeResolver().setLocale(request, response, spoken);
                }
                return true;
            }
        });
    }
}
