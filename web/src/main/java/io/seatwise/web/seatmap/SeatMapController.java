package io.seatwise.web.seatmap;

import io.seatwise.api.booking.SeatAvailability;
import io.seatwise.api.event.EventId;
import io.seatwise.web.event.Catalog;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What an open seat map reads: its live stream, and the same map as one JSON answer for browsers that cannot stream
 * (they poll it). Public, like the event page; part of the pages, not of the JSON API (hidden from its description).
 */
@Hidden
@RestController
class SeatMapController {

    private final LiveSeatMaps live;
    private final Catalog catalog;

    SeatMapController(LiveSeatMaps live, Catalog catalog) {
        this.live = live;
        this.catalog = catalog;
    }

    @GetMapping("/events/{id}/seats/stream")
    SseEmitter stream(@PathVariable String id, HttpServletRequest request) {
        return live.open(EventId.of(id), request.getRemoteAddr());
    }

    @GetMapping("/events/{id}/seats/availability")
    ResponseEntity<SeatAvailability> availability(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(catalog.availability(id));
    }

    /**
     * The viewer left while the stream was opening: Spring MVC had begun the asynchronous answer and failed on its first
     * write, before the stream's callbacks were registered, so nothing would ever end the answer, and Tomcat would count
     * it as in progress for good: a graceful shutdown would wait its whole timeout for it. (The stream itself is closed
     * at its next heartbeat, which fails.)
     */
    @ExceptionHandler(IOException.class)
    void viewerLeft(HttpServletRequest request) {
        if (request.isAsyncStarted()) {
            request.getAsyncContext().complete();
        }
    }

    @ExceptionHandler(TooManyStreams.class)
    ResponseEntity<Void> tooManyStreams() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "30")
                .build();
    }

    @ExceptionHandler(TooManyStreamsFromClient.class)
    ResponseEntity<Void> tooManyStreamsFromClient() {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", "30")
                .build();
    }
}
