package io.seatwise.web.page;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The static files, each folder under its own path, instead of Spring Boot's catch-all {@code /**}
 * ({@code spring.web.resources.add-mappings} is off).
 *
 * <p>Thymeleaf passes every link of a page through the resource URL filter, which asks each handler whose pattern
 * matches the link for a file to version it with. Under {@code /**} every page link ({@code /events/…?section=7})
 * matches, and each was looked up in four classpath folders, a search through every jar: with the 50 section links of
 * a big venue's page that was a third of the page's time. Now only links under these folders are looked up; the
 * webjar links still get their version ({@code resourceChain} adds the webjars resolver).
 */
@Configuration
class StaticResourceConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
        for (var folder : new String[] {"css", "js", "images"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .resourceChain(true);
        }
    }
}
