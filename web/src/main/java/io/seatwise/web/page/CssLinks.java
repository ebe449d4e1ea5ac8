package io.seatwise.web.page;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;

/**
 * Spring's rewriting of the links in a style sheet to their versioned URLs, keeping the headers of the file it
 * rewrote: Spring's own gives the rewritten sheet none, so it would lose its version's ETag and the {@code no-cache}
 * of {@link RevalidateUnversioned}. (A sheet whose only links are {@code data:} URIs is rewritten all the same.)
 */
final class CssLinks extends CssLinkResourceTransformer {

    @Override
    public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
            throws IOException {
        var transformed = super.transform(request, resource, chain);
        return transformed == resource
                ? resource
                : new ResourceWithHeaders(transformed, ResourceWithHeaders.headersOf(resource));
    }
}
