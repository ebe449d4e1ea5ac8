package io.seatwise.web.admin;

import io.seatwise.api.stats.DailyBookings;
import io.seatwise.api.stats.StatisticsView;
import io.seatwise.api.stats.VenueStatistics;
import io.seatwise.query.stats.CsvExports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
class AdminApiController {

    static final String CSV = "text/csv; charset=UTF-8";

    private static final Logger log = LoggerFactory.getLogger(AdminApiController.class);

    private final Statistics statistics;
    private final CsvExports exports;

    AdminApiController(Statistics statistics, CsvExports exports) {
        this.statistics = statistics;
        this.exports = exports;
    }

    @GetMapping("/stats")
    StatisticsView stats() {
        return statistics.overall();
    }

    @GetMapping("/stats/venues")
    List<VenueStatistics> venues() {
        return statistics.venues();
    }

    @GetMapping("/stats/daily")
    List<DailyBookings> daily() {
        return statistics.daily();
    }

    @GetMapping("/export/users.csv")
    void users(HttpServletResponse response) throws IOException {
        stream(response, "users.csv", exports::users);
    }

    @GetMapping("/export/events.csv")
    void events(HttpServletResponse response) throws IOException {
        stream(response, "events.csv", exports::events);
    }

    @GetMapping("/export/bookings.csv")
    void bookings(HttpServletResponse response) throws IOException {
        stream(response, "bookings.csv", exports::bookings);
    }

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
