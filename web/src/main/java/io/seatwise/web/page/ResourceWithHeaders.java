package io.seatwise.web.page;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.web.servlet.resource.HttpResource;

/** A static file as it is, answered with the headers given ({@link RevalidateUnversioned}). */
final class ResourceWithHeaders extends AbstractResource implements HttpResource {

    private final Resource file;
    private final HttpHeaders headers;

    ResourceWithHeaders(Resource file, HttpHeaders headers) {
        this.file = file;
        this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
    }

    /** A copy of the headers the resource carries, if any (its version's ETag, say). */
    static HttpHeaders headersOf(Resource resource) {
        var headers = new HttpHeaders();
        if (resource instanceof HttpResource http) {
            headers.putAll(http.getResponseHeaders());
        }
        return headers;
    }

    @Override
    public HttpHeaders getResponseHeaders() {
        return headers;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return file.getInputStream();
    }

    @Override
    public boolean exists() {
        return file.exists();
    }

    @Override
    public boolean isReadable() {
        return file.isReadable();
    }

    @Override
    public URL getURL() throws IOException {
        return file.getURL();
    }

    @Override
    public URI getURI() throws IOException {
        return file.getURI();
    }

    @Override
    public File getFile() throws IOException {
        return file.getFile();
    }

    @Override
    public long contentLength() throws IOException {
        return file.contentLength();
    }

    @Override
    public long lastModified() throws IOException {
        return file.lastModified();
    }

    @Override
    public Resource createRelative(String relativePath) throws IOException {
        return file.createRelative(relativePath);
    }

    @Override
    @Nullable
    public String getFilename() {
        return file.getFilename();
    }

    /**
     * The file's description and the headers: resources are told apart by their descriptions (the resource chain's
     * cache of transformed files is keyed by them), and this must not pass for the file without its headers.
     */
    @Override
    public String getDescription() {
        return file.getDescription() + " with " + headers;
    }
}
