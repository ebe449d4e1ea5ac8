package io.seatwise.web.infra;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An answer that fits Tomcat's response buffer (8 KB) goes out whole, with its {@code Content-Length}: the flushes
 * that Spring's message converters and Thymeleaf make after writing are held back until the request ends, except on
 * a stream ({@code text/event-stream}, the live seat map), whose every event must leave at once. A larger answer
 * still leaves as soon as the buffer is full.
 *
 * <p>Why: Tomcat's compression ({@code server.compression}) can skip an answer below its minimum size only when it
 * knows the length before it sends the headers; a flushed answer goes out in chunks of unknown length and was gzipped
 * however small. The booking API's answers are a few hundred bytes, which gzip makes no smaller (180 bytes became
 * 171, plus the chunks' framing) for about 6 µs of CPU each, a percent of a booking's (docs/performance.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class WholeAnswers extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HeldFlushes(response));
    }

    private static final class HeldFlushes extends HttpServletResponseWrapper {

        private ServletOutputStream stream;
        private PrintWriter writer;

        HeldFlushes(HttpServletResponse response) {
            super(response);
        }

        /** Whether the answer is a stream, whose writes must reach the client as they are made. */
        private boolean streams() {
            var type = getContentType();
            return type != null && type.startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
        }

        @Override
        public void flushBuffer() throws IOException {
            if (streams()) {
                super.flushBuffer();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new HeldStream(super.getOutputStream());
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(super.getWriter()) {
                    @Override
                    public void flush() {
                        if (streams()) {
                            super.flush();
                        }
                    }
                };
            }
            return writer;
        }

        private final class HeldStream extends ServletOutputStream {

            private final ServletOutputStream out;

            HeldStream(ServletOutputStream out) {
                this.out = out;
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                if (streams()) {
                    out.flush();
                }
            }

            @Override
            public void close() throws IOException {
                out.close();
            }

            @Override
            public boolean isReady() {
                return out.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                out.setWriteListener(listener);
            }
        }
    }
}
