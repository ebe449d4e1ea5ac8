package io.seatwise.web.page;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The static files, each folder under its own path, instead of Spring Boot's catch-all {@code /**}
 * ({@code spring.web.resources.add-mappings} is off), each under a URL that names its version, cached by browsers for
 * a year, and gzipped.
 *
 * <p>Thymeleaf passes every link of a page through the resource URL filter, which asks each handler whose pattern
 * matches the link for a file to version it with. Under {@code /**} every page link ({@code /events/…?section=7})
 * matches, and each was looked up in four classpath folders, a search through every jar: with the 50 section links of
 * a big venue's page that was a third of the page's time. Now only links under these folders are looked up.
 *
 * <p>Versions: a webjar's link gets its version folder ({@code /webjars/bootstrap/5.3.3/css/…}; {@code resourceChain}
 * adds the webjars resolver), our own files a hash of their content in the name ({@code /css/seatwise-<md5>.css}), so a
 * changed file has a new URL the moment a new jar runs. Such a URL always answers the same bytes, hence
 * {@link #FOR_A_YEAR}; the same file asked for by its plain URL is revalidated instead ({@link RevalidateUnversioned}).
 * Spring Security's {@code no-store} is written only where no {@code Cache-Control} was set, so pages and API answers
 * keep it. Styles, scripts and images are gzipped once and kept so ({@link GzipOnce}); style sheets are sent as
 * written ({@link StyleSheetsAsWritten}). Boot's {@code spring.web.resources.chain.*} settings configure only Boot's
 * own handlers, which are off; they are set all the same ({@code application.yml}), since they also keep the resource
 * URL filter that versions the links.
 */
@Configuration
class StaticResourceConfiguration implements WebMvcConfigurer {

    /** For a URL whose bytes never change: any cache may keep it, and browsers never ask again, not even on reload. */
    static final CacheControl FOR_A_YEAR =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(FOR_A_YEAR)
                .resourceChain(true)
                .addResolver(new GzipOnce())
                .addResolver(new RevalidateUnversioned());
        for (var folder : new String[] {"css", "js", "images"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(FOR_A_YEAR)
                    .resourceChain(true)
                    .addResolver(new GzipOnce())
                    .addResolver(new RevalidateUnversioned())
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                    .addTransformer(new StyleSheetsAsWritten());
        }
    }
}
