package io.seatwise.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Talks to the HTML pages as a browser without JavaScript would: keeps cookies, reads the CSRF token from the page
 * it was on, and posts forms. Redirects are not followed, so tests can see where a post leads.
 */
public class BrowserSession {

    /** What browsers send as Accept with a page request. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private String baseUrl;
    private String csrfToken;

    public BrowserSession(int port) {
        this("http://localhost:" + port);
    }

    private BrowserSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends this browser's next requests to another node on this machine, with the same cookies and the CSRF token of
     * the page last fetched, as a load balancer without sticky sessions may.
     */
    public BrowserSession via(int port) {
        baseUrl = "http://localhost:" + port;
        return this;
    }

    public record Page(int status, String body, String location, HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Page get(String path) {
        var page = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
        var token = CSRF.matcher(page.body());
        if (token.find()) {
            csrfToken = token.group(1);
        }
        return page;
    }

    /** Posts a form from the page last fetched, with its CSRF token; a list value is sent as repeated fields. */
    public Page post(String path, Map<String, ?> fields) {
        return post(path, fields, true);
    }

    /** Posts a form as a forged request from another site would: with the cookies, without the CSRF token. */
    public Page postWithoutCsrfToken(String path, Map<String, ?> fields) {
        return post(path, fields, false);
    }

    /** The value of a cookie this browser holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(cookie -> cookie.getValue())
                .findFirst()
                .orElse(null);
    }

    /**
     * Opens a server-sent event stream as the page's script does and closes it once the answer's head has come: the
     * page holds its status and headers, no body (a stream has no end to wait for).
     */
    public Page openStream(String path) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        var response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            response.body().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Page(
                response.statusCode(),
                "",
                response.headers().firstValue("Location").orElse(null),
                response.headers());
    }

    /** Gets a page with extra request headers, as a proxy in front of Seatwise would add them. */
    public Page get(String path, String... headerNamesAndValues) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .headers(headerNamesAndValues)
                .GET()
                .build());
    }

    private Page post(String path, Map<String, ?> fields, boolean withCsrfToken) {
        var pairs = new ArrayList<String>();
        fields.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                values.forEach(each -> pairs.add(encode(name) + "=" + encode(String.valueOf(each))));
            } else {
                pairs.add(encode(name) + "=" + encode(String.valueOf(value)));
            }
        });
        if (withCsrfToken && csrfToken != null) {
            pairs.add("_csrf=" + encode(csrfToken));
        }
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(pairs.stream().collect(Collectors.joining("&"))))
                .build());
    }

    public Page signIn(String email, String password) {
        get("/login");
        return post("/login", Map.of("email", email, "password", password));
    }

    /**
     * A browser signed in as a new user registered through the API, on a page with a form, so that its next post
     * carries the CSRF token of the signed-in session.
     */
    public static BrowserSession signedInUser(ApiClient api, String name) {
        var email = name.toLowerCase().replaceAll("[^a-z0-9]", "") + "-" + System.nanoTime() + "@example.com";
        api.register(email, ApiClient.USER_PASSWORD, name);
        return signedIn(api, email, ApiClient.USER_PASSWORD);
    }

    /** A browser signed in with these credentials, on a page with a form (see {@link #signedInUser}). */
    public static BrowserSession signedIn(ApiClient api, String email, String password) {
        var browser = new BrowserSession(api.baseUrl());
        var signedIn = browser.signIn(email, password);
        if (signedIn.status() != 302 || signedIn.location().contains("error")) {
            throw new IllegalStateException("Sign-in failed: " + signedIn.status() + " " + signedIn.location());
        }
        browser.get("/");
        return browser;
    }

    private Page send(HttpRequest request) {
        var asBrowsersAsk = HttpRequest.newBuilder(request, (name, value) -> true);
        if (request.headers().firstValue("Accept").isEmpty()) {
            asBrowsersAsk.header("Accept", BROWSER_ACCEPT);
        }
        var response = exchange(asBrowsersAsk.build(), HttpResponse.BodyHandlers.ofString());
        return new Page(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Location").orElse(null),
                response.headers());
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public String path(String location) {
        return location.startsWith(baseUrl) ? location.substring(baseUrl.length()) : location;
    }
}
