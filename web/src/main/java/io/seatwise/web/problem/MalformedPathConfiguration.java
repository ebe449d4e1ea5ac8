package io.seatwise.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.AbstractProtocol;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * API paths that no resource can have, such as an id of {@code ..%2Fetc%2Fpasswd}, answered as problems like every
 * other API error. Left alone, Tomcat refuses encoded slashes and backslashes with an HTML page and Spring Security's
 * firewall refuses the rest (encoded dots, semicolons, double-encoding) with Spring Boot's error JSON. Here Tomcat
 * lets encoded slashes through undecoded, so that the firewall, which still refuses them, is the one judge; an API
 * path it refuses names nothing, so it is a 404, as any malformed id is. What Tomcat alone still refuses (a NUL in
 * the path) keeps Tomcat's status but is told as a problem too.
 *
 * <p>While a graceful shutdown has paused the connector, Tomcat answers a request that arrives on a kept-alive
 * connection with 503, then finds it has no Host header (it stopped reading at the request line) and turns the 503
 * into a 400. Such a request was well formed and only came too late, so it is answered 503 again: the client may
 * send it to another node or try later.
 */
@Configuration
class MalformedPathConfiguration {

    private static final String API_PREFIX = "/api/";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> malformedPathsReachTheFirewall() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
                connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            });
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.getPipeline().addValve(new ApiErrorReportValve());
                    host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
                }
            });
        };
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper objectMapper) {
        var pages = new HttpStatusRequestRejectedHandler();
        return (HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) -> {
            if (!isApi(request.getRequestURI())) {
                pages.handle(request, response, rejected);
                return;
            }
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            objectMapper.writeValue(
                    response.getOutputStream(),
                    problem(
                            HttpStatus.NOT_FOUND,
                            "No such resource: the path contains characters that no id can have"));
        };
    }

    static boolean isApi(String requestUri) {
        return requestUri != null && (requestUri.startsWith(API_PREFIX) || requestUri.equals("/api"));
    }

    static Map<String, Object> problem(HttpStatus status, String detail) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        return body;
    }

    /** Tomcat's own error page for requests that never reach the application, as a problem for API paths. */
    public static class ApiErrorReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper();

        public ApiErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (response.getStatus() == HttpStatus.BAD_REQUEST.value() && connectorPaused(request)) {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            }
            if (!isApi(request.getRequestURI())) {
                super.report(request, response, throwable);
                return;
            }
            var status = HttpStatus.resolve(response.getStatus());
            if (status == null
                    || !status.isError()
                    || response.getContentWritten() > 0
                    || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                var writer = response.getReporter();
                if (writer != null) {
                    var detail = switch (status) {
                        case BAD_REQUEST -> "The request could not be read: its path or its headers are malformed";
                        case SERVICE_UNAVAILABLE -> "The server is stopping: send the request again";
                        default -> "The request could not be handled: " + status.getReasonPhrase();
                    };
                    writer.write(JSON.writeValueAsString(problem(status, detail)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone or the response already committed: nothing more can be said
            }
        }

        private static boolean connectorPaused(Request request) {
            return request.getConnector().getProtocolHandler() instanceof AbstractProtocol<?> protocol
                    && protocol.isPaused();
        }
    }
}
