package io.seatwise.web.admin;

import io.seatwise.api.stats.DailyBookings;
import io.seatwise.api.stats.StatisticsView;
import io.seatwise.api.stats.VenueStatistics;
import io.seatwise.query.stats.CsvExports;
import io.seatwise.web.waitlist.Waitlists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admins' figures as JSON, and the CSV exports, streamed to the client row by row. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Administration")
class AdminApiController {

    static final String CSV = "text/csv; charset=UTF-8";

    private static final Logger log = LoggerFactory.getLogger(AdminApiController.class);

    private final Statistics statistics;
    private final CsvExports exports;
    private final Waitlists waitlists;

    AdminApiController(Statistics statistics, CsvExports exports, Waitlists waitlists) {
        this.statistics = statistics;
        this.exports = exports;
        this.waitlists = waitlists;
    }

    @GetMapping("/stats")
    @Operation(operationId = "getStatistics", summary = "Figures of every event and their sums")
    StatisticsView stats() {
        return statistics.overall();
    }

    /** The length of each event's waitlist, from the waitlist's read model. */
    record WaitlistLengthResponse(String eventId, int waiting, int offered) {}

    @GetMapping("/stats/waitlists")
    @Operation(
            operationId = "getWaitlistLengths",
            summary = "How many wait on each event's waitlist",
            description = "Only events with open entries: waiting for seats, or with seats held for them (offered).")
    List<WaitlistLengthResponse> waitlists() {
        return waitlists.lengths().stream()
                .map(length -> new WaitlistLengthResponse(length.eventId().value(), length.waiting(), length.offered()))
                .toList();
    }

    @GetMapping("/stats/venues")
    @Operation(operationId = "getVenueStatistics", summary = "Figures of each venue, summed over its events")
    List<VenueStatistics> venues() {
        return statistics.venues();
    }

    @GetMapping("/stats/daily")
    @Operation(operationId = "getDailyBookings", summary = "Bookings, seats and revenue per day")
    List<DailyBookings> daily() {
        return statistics.daily();
    }

    @GetMapping("/export/users.csv")
    @Operation(operationId = "exportUsers", summary = "All accounts as CSV")
    @CsvFile
    void users(HttpServletResponse response) throws IOException {
        stream(response, "users.csv", exports::users);
    }

    @GetMapping("/export/events.csv")
    @Operation(operationId = "exportEvents", summary = "All events and their figures as CSV")
    @CsvFile
    void events(HttpServletResponse response) throws IOException {
        stream(response, "events.csv", exports::events);
    }

    @GetMapping("/export/bookings.csv")
    @Operation(operationId = "exportBookings", summary = "All bookings as CSV")
    @CsvFile
    void bookings(HttpServletResponse response) throws IOException {
        stream(response, "bookings.csv", exports::bookings);
    }

    /** A CSV download, described for the API's clients: a header row, then one row per record. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(
            responseCode = "200",
            description = "A CSV file, header row first",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @interface CsvFile {}

    private static void stream(HttpServletResponse response, String fileName, Consumer<OutputStream> export)
            throws IOException {
        response.setContentType(CSV);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            export.accept(response.getOutputStream());
            response.flushBuffer();
        } catch (UncheckedIOException | IOException clientGone) {
            // Only writing to the client fails this way (the database fails with DataAccessException): the download
            // was abandoned, and the response, already under way, cannot say anything more.
            log.debug("CSV export {} ended early: {}", fileName, clientGone.getMessage());
        }
    }
}
