package io.seatwise.web.page;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;

/**
 * Style sheets are sent as they are written. Where files are versioned, Spring adds a transformer that rewrites the
 * {@code url(…)}s in style sheets to the files' versioned URLs; this one takes its place (Spring adds its own only
 * when the chain has none) and rewrites nothing, for three reasons: our sheets link no files, only {@code data:}
 * images ({@code CachingAndCompressionTest} holds them to that); a gzipped sheet ({@link GzipOnce}) could not be
 * rewritten; and Spring's rewritten sheet loses the headers of the file (its version's ETag, the {@code no-cache} of
 * {@link RevalidateUnversioned}). Link a file from a template instead, where the resource URL filter versions it.
 */
final class StyleSheetsAsWritten extends CssLinkResourceTransformer {

    @Override
    public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
            throws IOException {
        return chain.transform(request, resource);
    }
}
