package io.seatwise.web.page;

import io.seatwise.api.DomainException;
import io.seatwise.api.ErrorCode;
import java.util.Locale;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Friendly pages instead of errors for the browser UI; the API has its own handler that answers problem+json. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    private final MessageSource messages;
    private final PageRefusals refusals;

    PageExceptionHandler(MessageSource messages, PageRefusals refusals) {
        this.messages = messages;
        this.refusals = refusals;
    }

    /** A refusal that no page shows on a form of its own, such as an unknown event: an error page that names it. */
    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException exception) {
        var status = exception.code() == ErrorCode.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return page(status, refusals.message(exception));
    }

    /**
     * Another node changed the same seat map (or account, or review) at the same moment, and the retries lost too:
     * nothing was stored, and trying again will work.
     */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ModelAndView concurrentChange(RuntimeException exception, Locale locale) {
        return page(HttpStatus.CONFLICT, messages.getMessage("error.concurrentChange", null, locale));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView wrongParameter(MethodArgumentTypeMismatchException exception, Locale locale) {
        return page(HttpStatus.BAD_REQUEST, messages.getMessage("error.wrongParameter", null, locale));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrowForSecurity(RuntimeException exception) {
        throw exception;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception exception) {
        log.error("Page failed", exception);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, null);
    }

    private static ModelAndView page(HttpStatus status, String message) {
        var page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }
}
