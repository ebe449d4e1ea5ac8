package io.seatwise.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whatever fails before a controller is chosen (no such path, a method the path does not take, a body too large, a
 * refusal by Spring Security) ends here: API paths get a problem, whatever the client accepts, and pages the friendly
 * error page. Asked for directly, with no error behind it, {@code /error} is simply not found. Not there when the
 * application runs without a web server (the replay command).
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPageController extends BasicErrorController {

    ErrorPageController(
            ErrorAttributes errorAttributes, ServerProperties server, List<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, server.getError(), errorViewResolvers);
    }

    @Override
    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (isApi(request)) {
            return null;
        }
        var status = getStatus(request);
        response.setStatus(status.value());
        var page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        if (status == HttpStatus.TOO_MANY_REQUESTS && response.getHeader(HttpHeaders.RETRY_AFTER) != null) {
            // a throttle's refusal (throttle.ClientThrottle) says how long to wait; the page says it in minutes
            page.addObject("waitMinutes", (Long.parseLong(response.getHeader(HttpHeaders.RETRY_AFTER)) + 59) / 60);
        }
        return page;
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        var status = getStatus(request);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(problem(status, request));
    }

    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            return HttpStatus.NOT_FOUND;
        }
        return super.getStatus(request);
    }

    private static boolean isApi(HttpServletRequest request) {
        return MalformedPathConfiguration.isApi((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    }

    private static Map<String, Object> problem(HttpStatus status, HttpServletRequest request) {
        var body = new LinkedHashMap<>(MalformedPathConfiguration.problem(status, detail(status)));
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            body.put("instance", path);
        }
        return body;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "This resource does not take that method";
            case PAYLOAD_TOO_LARGE ->
                "The request body is too large; at most " + BodySizeLimitFilter.MAX_BODY_BYTES / 1024
                        + " KB are accepted";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body must be JSON (Content-Type: application/json)";
            case UNAUTHORIZED -> "Sign in first: send a valid token as 'Authorization: Bearer <token>'";
            case FORBIDDEN -> "You are not allowed to do this";
            default ->
                status.is5xxServerError()
                        ? "Something went wrong on our side; nothing was changed"
                        : "The request could not be handled: " + status.getReasonPhrase();
        };
    }
}
