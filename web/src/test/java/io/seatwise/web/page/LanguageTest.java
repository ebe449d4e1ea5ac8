package io.seatwise.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Pages speak English or German: chosen with {@code ?lang=}, remembered in a cookie, or asked for by the browser. */
class LanguageTest extends ApplicationTest {

    @Test
    void languageChosenOnAnyPageIsKeptForTheNextPages() {
        var browser = new BrowserSession(port);
        assertThat(browser.get("/").body()).contains("Upcoming events").contains("lang=\"en\"");

        var german = browser.get("/?lang=de");

        assertThat(german.body()).contains("Kommende Veranstaltungen").contains("<html lang=\"de\"");
        assertThat(german.header("Set-Cookie")).startsWith("seatwise-lang=de");
        assertThat(browser.get("/login").body()).contains("Anmelden").doesNotContain("Sign in</");
        assertThat(browser.get("/?lang=en").body()).contains("Upcoming events");
        assertThat(browser.get("/").body()).contains("Upcoming events");
    }

    @Test
    void browserLanguageIsUsedWhenSeatwiseSpeaksIt() throws Exception {
        assertThat(home("de-AT,de;q=0.9,en;q=0.5")).contains("Kommende Veranstaltungen");
        assertThat(home("fr-FR,de;q=0.8")).contains("Kommende Veranstaltungen");
        assertThat(home("fr-FR,fr;q=0.9")).contains("Upcoming events").contains("<html lang=\"en\"");
    }

    @Test
    void languageSeatwiseDoesNotSpeakIsIgnored() {
        var browser = new BrowserSession(port);
        var page = browser.get("/?lang=xx");
        assertThat(page.body()).contains("Upcoming events");
        assertThat(page.header("Set-Cookie")).isNull();
    }

    private String home(String acceptLanguage) throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                                .header("Accept-Language", acceptLanguage)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
