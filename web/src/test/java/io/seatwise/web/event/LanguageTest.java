package io.seatwise.web.event;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seatwise.api.DomainException;
import io.seatwise.api.Refusal;
import io.seatwise.web.review.Reviews;
import io.seatwise.web.security.WebSlice;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Pages speak English or German: chosen with {@code ?lang=}, remembered in a cookie, or asked for by the browser; and
 * a refusal that ends on the error page speaks the page's language too.
 */
@WebSlice(EventPageController.class)
class LanguageTest {

    private static final String LANGUAGE_COOKIE = "seatwise-lang";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Catalog catalog;

    @MockitoBean
    Reviews reviews;

    @BeforeEach
    void noEvents() {
        Mockito.when(catalog.upcoming(Mockito.anyInt(), Mockito.anyInt())).thenReturn(List.of());
    }

    @Test
    void languageChosenOnAnyPageIsKeptForTheNextPages() throws Exception {
        mvc.perform(get("/"))
                .andExpect(content().string(containsString("Upcoming events")))
                .andExpect(content().string(containsString("lang=\"en\"")));

        var german = mvc.perform(get("/").param("lang", "de"))
                .andExpect(content().string(containsString("Kommende Veranstaltungen")))
                .andExpect(content().string(containsString("<html lang=\"de\"")))
                .andExpect(cookie().value(LANGUAGE_COOKIE, "de"))
                .andReturn();
        var chosen = new Cookie(
                LANGUAGE_COOKIE, german.getResponse().getCookie(LANGUAGE_COOKIE).getValue());

        mvc.perform(get("/").cookie(chosen))
                .andExpect(content().string(containsString("Kommende Veranstaltungen")))
                .andExpect(content().string(containsString("Anmelden")))
                .andExpect(content().string(not(containsString("Sign in</"))));
        mvc.perform(get("/").param("lang", "en").cookie(chosen))
                .andExpect(content().string(containsString("Upcoming events")))
                .andExpect(cookie().value(LANGUAGE_COOKIE, "en"));
    }

    @Test
    void browserLanguageIsUsedWhenSeatwiseSpeaksIt() throws Exception {
        mvc.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "de-AT,de;q=0.9,en;q=0.5"))
                .andExpect(content().string(containsString("Kommende Veranstaltungen")));
        mvc.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,de;q=0.8"))
                .andExpect(content().string(containsString("Kommende Veranstaltungen")));
        mvc.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9"))
                .andExpect(content().string(containsString("Upcoming events")))
                .andExpect(content().string(containsString("<html lang=\"en\"")));
    }

    @Test
    void languageSeatwiseDoesNotSpeakIsIgnored() throws Exception {
        mvc.perform(get("/").param("lang", "xx"))
                .andExpect(content().string(containsString("Upcoming events")))
                .andExpect(cookie().doesNotExist(LANGUAGE_COOKIE));
    }

    @Test
    void anUnknownEventIsNotFoundInThePagesLanguage() throws Exception {
        Mockito.when(catalog.event("gone"))
                .thenThrow(new DomainException(Refusal.Plain.NO_SUCH_EVENT, "No such event"));

        mvc.perform(get("/events/gone").param("lang", "de"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Diese Veranstaltung gibt es nicht.")))
                .andExpect(content().string(not(containsString("No such event"))));
        mvc.perform(get("/events/gone").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no such event.")));
    }
}
