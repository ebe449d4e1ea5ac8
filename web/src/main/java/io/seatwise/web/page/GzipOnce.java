package io.seatwise.web.page;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaTypeFactory;
import org.springframework.lang.Nullable;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Styles, scripts and SVG images gzipped once, in memory, for every client that accepts gzip: the resource chain's
 * cache ({@code resourceChain(true)}) keeps the result per path and accepted encoding, so later requests send the
 * compressed bytes as they are. Tomcat's own compression ({@code server.compression}) leaves an answer that already
 * has a {@code Content-Encoding} alone; it still gzips pages and JSON as they are written.
 *
 * <p>Why not Tomcat's for these too: it gzips a file anew for every request, 5 to 7 ms of CPU for Bootstrap's style
 * sheet, where sending the bytes gzipped once costs a tenth of a millisecond or so (docs/performance.md). Browsers keep
 * these files for a year, but when a sale opens, thousands of phones that never saw the site ask for them at once.
 *
 * <p>Which clients accept gzip is read as the chain's cache reads it (the codings named in {@code Accept-Encoding},
 * without their weights), so that its key and this answer always agree.
 */
final class GzipOnce implements ResourceResolver {

    private static final Set<String> COMPRESSIBLE =
            Set.of("text/css", "text/javascript", "application/javascript", "image/svg+xml");

    @Override
    @Nullable
    public Resource resolveResource(
            @Nullable HttpServletRequest request,
            String requestPath,
            List<? extends Resource> locations,
            ResourceResolverChain chain) {
        var resource = chain.resolveResource(request, requestPath, locations);
        if (resource == null || request == null || !acceptsGzip(request) || !compressible(resource)) {
            return resource;
        }
        return Gzipped.of(resource);
    }

    @Override
    @Nullable
    public String resolveUrlPath(String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
        return chain.resolveUrlPath(resourcePath, locations);
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        var accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accepted == null) {
            return false;
        }
        for (var coding : accepted.split(",")) {
            var weight = coding.indexOf(';');
            var name = (weight < 0 ? coding : coding.substring(0, weight)).strip();
            if (name.toLowerCase(Locale.ROOT).equals("gzip")) {
                return true;
            }
        }
        return false;
    }

    private static boolean compressible(Resource resource) {
        return MediaTypeFactory.getMediaType(resource)
                .map(type -> COMPRESSIBLE.contains(type.getType() + "/" + type.getSubtype()))
                .orElse(false);
    }

    /** The file's bytes gzipped, answered with the headers it had and its encoding. */
    private static final class Gzipped extends ByteArrayResource implements HttpResource {

        private final Resource file;
        private final HttpHeaders headers;

        Gzipped(Resource file, HttpHeaders headers) {
            super(gzip(file), file.getDescription() + " gzipped with " + headers);
            this.file = file;
            this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
        }

        static Gzipped of(Resource file) {
            var headers = ResourceWithHeaders.headersOf(file);
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            return new Gzipped(file, headers);
        }

        private static byte[] gzip(Resource file) {
            try (var in = file.getInputStream()) {
                var bytes = new ByteArrayOutputStream();
                try (var out = new GZIPOutputStream(bytes)) {
                    in.transferTo(out);
                }
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public HttpHeaders getResponseHeaders() {
            return headers;
        }

        @Override
        @Nullable
        public String getFilename() {
            return file.getFilename();
        }

        @Override
        public long lastModified() throws IOException {
            return file.lastModified();
        }

        /**
         * Told apart by description, which names the file and the headers, as other resources are: the same bytes
         * with other headers (the plain name's {@code no-cache}, the versioned name's ETag) are another answer.
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Gzipped that && that.getDescription().equals(getDescription());
        }

        @Override
        public int hashCode() {
            return getDescription().hashCode();
        }
    }
}
