package io.seatwise.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a phone downloads again and what it keeps: styles, scripts and images are linked by URLs that name their
 * version and kept by browsers for a year; pages, styles, scripts and larger JSON are gzipped for browsers that accept
 * it, the booking API's small answers and the live seat map's stream are not; pages and API answers, which are
 * per user, are never stored.
 */
class CachingAndCompressionTest extends ApplicationTest {

    private static final String FOR_A_YEAR = "max-age=31536000, public, immutable";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String eventId;
    private String eventPage;

    @BeforeEach
    void eventOnSale() {
        eventId = eventOnSale("Assembly Rooms", 6, 12, "Chamber Evening", 12);
        eventPage = new String(get("/events/" + eventId).body(), StandardCharsets.UTF_8);
    }

    @Test
    void versionedStylesAndScriptsAreKeptForAYearAndGzipped() throws Exception {
        var bootstrap = link(eventPage, "/webjars/bootstrap/[0-9][0-9.]*/css/bootstrap\\.min\\.css");
        var styles = link(eventPage, "/css/seatwise-[0-9a-f]{32}\\.css");
        var seatMap = link(eventPage, "/js/seat-map-[0-9a-f]{32}\\.js");

        for (var url : List.of(bootstrap, styles, seatMap)) {
            var gzipped = get(url, "Accept-Encoding", "gzip");
            var plain = get(url);

            assertThat(gzipped.statusCode()).as(url).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Cache-Control")).as(url).hasValue(FOR_A_YEAR);
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as(url).hasValue("gzip");
            assertThat(gunzip(gzipped.body())).as(url).isEqualTo(plain.body());
            assertThat(plain.headers().firstValue("Cache-Control")).as(url).hasValue(FOR_A_YEAR);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(url).isEmpty();
        }
        try (var file = getClass().getResourceAsStream("/static/js/seat-map.js")) {
            assertThat(get(seatMap).body()).isEqualTo(file.readAllBytes());
        }
    }

    @Test
    void aStaticFileAskedForByItsPlainNameIsRevalidated() {
        var versioned = List.of(
                link(eventPage, "/css/seatwise-[0-9a-f]{32}\\.css"),
                link(eventPage, "/js/seat-map-[0-9a-f]{32}\\.js"),
                link(eventPage, "/webjars/bootstrap/[0-9][0-9.]*/css/bootstrap\\.min\\.css"));
        var plain = List.of("/css/seatwise.css", "/js/seat-map.js", "/webjars/bootstrap/css/bootstrap.min.css");
        for (int file = 0; file < plain.size(); file++) {
            var url = plain.get(file);
            // in turn with the versioned URL, plain and gzipped: each answer keeps its own headers
            for (var encoding : List.of("identity", "gzip")) {
                var first = get(url, "Accept-Encoding", encoding);
                assertThat(first.statusCode()).as(url).isEqualTo(200);
                assertThat(first.headers().firstValue("Cache-Control")).as(url).hasValue("no-cache");
                assertThat(get(versioned.get(file), "Accept-Encoding", encoding)
                                .headers()
                                .firstValue("Cache-Control"))
                        .as(versioned.get(file))
                        .hasValue(FOR_A_YEAR);
                var lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

                var again = get(url, "Accept-Encoding", encoding, "If-Modified-Since", lastModified);

                assertThat(again.statusCode()).as(url).isEqualTo(304);
            }
        }
    }

    /**
     * Style sheets are sent as written ({@code page.StyleSheetsAsWritten}): a {@code url(…)} to one of our files would
     * stay unversioned. Link files from templates instead.
     */
    @Test
    void styleSheetsLinkNoFiles() throws Exception {
        var links = Pattern.compile("url\\(\\s*(?!['\"]?data:)");
        try (var sheets = Files.list(Path.of("src", "main", "resources", "static", "css"))) {
            for (var sheet : sheets.toList()) {
                assertThat(links.matcher(Files.readString(sheet)).find())
                        .as("a url() to a file in %s", sheet)
                        .isFalse();
            }
        }
    }

    @Test
    void pagesAreGzippedAndNeverStored() {
        for (var path : List.of("/", "/events/" + eventId)) {
            var page = get(path, "Accept-Encoding", "gzip");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(page.headers().firstValue("Cache-Control"))
                    .as(path)
                    .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
            assertThat(new String(gunzip(page.body()), StandardCharsets.UTF_8))
                    .as(path)
                    .startsWith("<!DOCTYPE html>")
                    .contains("</html>");
        }
    }

    @Test
    void theBookingApisSmallAnswersAreNotCompressedAndLargeJsonIs() {
        var booked = api.withHeaders("Accept-Encoding", "gzip").book(api.newUserToken("Gus"), eventId, List.of(3, 4));

        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.raw().headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(booked.raw().headers().firstValue("Content-Length"))
                .hasValueSatisfying(
                        length -> assertThat(Integer.parseInt(length)).isLessThan(2048));
        assertThat(booked.raw().headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(booked.json().path("seats").size()).isEqualTo(2);

        var bigHall = api.createVenue(adminToken(), "Big Hall", 40, 50);
        eventually(() -> get("/api/venues/" + bigHall).statusCode() == 200);
        var layout = get("/api/venues/" + bigHall, "Accept-Encoding", "gzip");
        assertThat(layout.statusCode()).isEqualTo(200);
        assertThat(layout.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(layout.body()).length).isGreaterThan(2048);
        assertThat(layout.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void theLiveSeatMapStreamsUncompressed() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(api.baseUrl() + "/events/" + eventId + "/seats/stream"))
                        .header("Accept", "text/event-stream")
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (var body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
            var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));

            assertThat(nextEvent(lines)).isEqualTo("snapshot");
            assertThat(api.book(api.newUserToken("Hal"), eventId, List.of(7)).status())
                    .isEqualTo(201);
            assertThat(nextEvent(lines))
                    .as("the booking, while the stream stays open")
                    .isEqualTo("change");
        }
    }

    /** The name of the stream's next event, which must come within five seconds. */
    private static String nextEvent(BufferedReader lines) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
                    try {
                        for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                            if (line.startsWith("event:")) {
                                return line.substring("event:".length()).strip();
                            }
                        }
                        throw new IllegalStateException("The stream ended");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .get(5, TimeUnit.SECONDS);
    }

    private static String link(String page, String pattern) {
        var link = Pattern.compile("(?:href|src)=\"(" + pattern + ")\"").matcher(page);
        assertThat(link.find()).as("a link like %s in the page", pattern).isTrue();
        return link.group(1);
    }

    private HttpResponse<byte[]> get(String path, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gunzip(byte[] gzipped) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
