package io.seatwise.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.seatwise.api.DomainException;
import io.seatwise.api.ErrorCode;
import io.seatwise.web.throttle.TooManyAttempts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where the API turns refusals into RFC 9457 problems: domain error codes to statuses, Spring MVC's
 * own failures to a message a client can act on, and anything unexpected to a plain 500 that shows no internals.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    static HttpStatus statusOf(ErrorCode code) {
        return switch (code) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail refused(DomainException exception) {
        var problem = ProblemDetail.forStatusAndDetail(statusOf(exception.code()), exception.getMessage());
        problem.setProperty("reason", exception.refusal().reason());
        exception.properties().forEach(problem::setProperty);
        return problem;
    }

    /** Too many wrong passwords from this client for the account: wait, as the token endpoint's 429 says. */
    @ExceptionHandler(TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttempts exception) {
        var seconds = exception.retryAfterSeconds();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, exception.getMessage());
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknown(AggregateNotFoundException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Not found");
    }

    /** Two commands changed, or created, the same aggregate at once; the one that lost may simply try again. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrentChange(RuntimeException exception) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "Someone else changed this at the same moment; please try again");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongParameter(MethodArgumentTypeMismatchException exception) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Parameter '" + exception.getName() + "' has an invalid value");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrowForSecurity(RuntimeException exception) {
        // Spring Security's filters answer these with 401 or 403
        throw exception;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception exception) {
        log.error("Unexpected failure", exception);
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; nothing was changed");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new LinkedHashMap<String, Object>(java.util.Map.of(
                        "field", error.getField(), "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        var detail = errors.stream()
                .map(error -> error.get("field") + " " + error.get("message"))
                .sorted()
                .collect(Collectors.joining("; "));
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        var detail = exception.getAllErrors().stream()
                .map(error -> error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException refusal) {
                // a value that the domain's own types refuse as they are read, such as a layout's category kind
                return ResponseEntity.status(statusOf(refusal.code())).body(refused(refusal));
            }
            if (cause instanceof BodySizeLimitFilter.BodyTooLargeException) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(ProblemDetail.forStatusAndDetail(
                                HttpStatus.PAYLOAD_TOO_LARGE, BodySizeLimitFilter.TOO_LARGE));
            }
        }
        return ResponseEntity.badRequest()
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(exception.getCause())));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception exception,
            @Nullable Object body,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("Request failed", exception);
        }
        return super.handleExceptionInternal(exception, body, headers, status, request);
    }

    /** Says what is wrong with a body without echoing Jackson's internals (class names, source excerpts). */
    static String describe(@Nullable Throwable cause) {
        if (isSyntaxError(cause)) {
            // Jackson reports a body that breaks off inside a field as a problem with that field's value
            if (cause instanceof JsonMappingException mapping
                    && !mapping.getPath().isEmpty()) {
                return "The request body is not valid JSON; it goes wrong in field '" + path(mapping.getPath()) + "'";
            }
            return "The request body is not valid JSON";
        }
        if (cause instanceof InvalidFormatException invalid) {
            return "Field '" + path(invalid.getPath()) + "' must be " + expected(invalid.getTargetType());
        }
        if (cause instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            return "Field '" + path(mismatched.getPath()) + "' must be " + expected(mismatched.getTargetType());
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Field '" + path(mapping.getPath()) + "' has an invalid value";
        }
        if (cause instanceof JsonProcessingException) {
            return "The request body is not valid JSON";
        }
        return "The request body is missing or not readable as JSON";
    }

    private static boolean isSyntaxError(@Nullable Throwable cause) {
        for (var next = cause; next != null; next = next.getCause()) {
            if (next instanceof StreamReadException) {
                return true;
            }
        }
        return false;
    }

    private static String path(List<JsonMappingException.Reference> path) {
        var text = new StringBuilder();
        for (var reference : path) {
            if (reference.getFieldName() != null) {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                text.append('[').append(reference.getIndex()).append(']');
            }
        }
        return text.isEmpty() ? "(body)" : text.toString();
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == java.time.Instant.class) {
            return "a time in ISO-8601 form, such as 2030-05-01T19:30:00Z";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object of the documented form";
    }
}
