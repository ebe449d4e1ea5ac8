package io.seatwise.web.page;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.lang.Nullable;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * A static file asked for by another URL than the one pages link it by (its plain name, without the version that
 * pages put into the URL) is answered with {@code Cache-Control: no-cache}: the browser may keep it but asks again
 * each time (a 304 while it is unchanged), since the file behind such a URL changes with the next release. The linked
 * URL itself keeps the handler's year ({@link StaticResourceConfiguration#FOR_A_YEAR}).
 *
 * <p>Which URL pages link is what the rest of the chain makes of the requested path: a plain path becomes the
 * versioned one, a path that already names its version stays as it is (a webjar's version folder) or is no file's
 * plain path at all (a name with a content hash).
 */
final class RevalidateUnversioned implements ResourceResolver {

    @Override
    @Nullable
    public Resource resolveResource(
            @Nullable HttpServletRequest request,
            String requestPath,
            List<? extends Resource> locations,
            ResourceResolverChain chain) {
        var resource = chain.resolveResource(request, requestPath, locations);
        if (resource == null) {
            return null;
        }
        var linked = chain.resolveUrlPath(requestPath, locations);
        if (linked == null || linked.equals(requestPath)) {
            return resource;
        }
        var headers = ResourceWithHeaders.headersOf(resource);
        headers.setCacheControl("no-cache");
        return new ResourceWithHeaders(resource, headers);
    }

    @Override
    @Nullable
    public String resolveUrlPath(String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
        return chain.resolveUrlPath(resourcePath, locations);
    }
}
