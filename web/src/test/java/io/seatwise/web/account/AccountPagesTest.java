package io.seatwise.web.account;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.Refusal;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.Role;
import io.seatwise.web.security.WebSlice;
import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The registration form: what it refuses before any command, and how it tells the refusals of the account side. */
@WebSlice(AccountPageController.class)
class AccountPagesTest {

    private static final String PASSWORD = "password1";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Registrations registrations;

    @Test
    void aCommonPasswordIsRefusedInGermanOnTheFormWithoutEchoingIt() throws Exception {
        when(registrations.register("fay@example.com", PASSWORD, "Fay", Role.USER, "de"))
                .thenThrow(new DomainException(InvalidValue.of("password", Rule.TOO_COMMON), "password is common"));

        mvc.perform(registration("fay@example.com", PASSWORD).header(HttpHeaders.ACCEPT_LANGUAGE, "de"))
                .andExpect(status().isOk())
                .andExpect(view().name("register"))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "Passwort: eines der häufigsten Passwörter, die zuerst erraten werden")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"" + PASSWORD + "\""))));
    }

    @Test
    void aTakenEmailIsRefusedInEnglish() throws Exception {
        when(registrations.register("gus@example.com", "a-long-password", "Fay", Role.USER, "en"))
                .thenThrow(new DomainException(Refusal.Plain.EMAIL_TAKEN, "An account with this email exists"));

        mvc.perform(registration("gus@example.com", "a-long-password").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("An account with this email already exists.")));
    }

    @Test
    void aShortPasswordNeverReachesTheAccounts() throws Exception {
        mvc.perform(registration("hal@example.com", "short"))
                .andExpect(status().isOk())
                .andExpect(view().name("register"));
        verifyNoInteractions(registrations);
    }

    @Test
    void aNewAccountIsSentToSignInWhenItCannotBeSignedInAtOnce() throws Exception {
        when(registrations.register(any(), any(), any(), any(), any())).thenReturn(AccountId.random());

        mvc.perform(registration("ivy@example.com", "a-long-password"))
                .andExpect(redirectedUrl("/login"))
                .andExpect(flash().attribute("notice", "registration.done"));
        verify(registrations).register("ivy@example.com", "a-long-password", "Fay", Role.USER, "en");
    }

    @ParameterizedTest
    @CsvSource({"de, de", "de-AT, de", "'de-CH,en;q=0.5', de", "'fr,de;q=0.8', de", "fr, en", "en-GB, en", "'*', en"})
    void theNewAccountSpeaksTheBrowsersLanguageOrEnglish(String acceptLanguage, String language) throws Exception {
        when(registrations.register(any(), any(), any(), any(), any())).thenReturn(AccountId.random());

        mvc.perform(registration("kim@example.com", "a-long-password")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage))
                .andExpect(status().is3xxRedirection());
        verify(registrations).register("kim@example.com", "a-long-password", "Fay", Role.USER, language);
    }

    @Test
    void theLanguageChosenOnThePagesIsTheNewAccountsLanguage() throws Exception {
        when(registrations.register(any(), any(), any(), any(), any())).thenReturn(AccountId.random());

        mvc.perform(registration("lu@example.com", "a-long-password")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .cookie(new Cookie("seatwise-lang", "de")))
                .andExpect(status().is3xxRedirection());
        verify(registrations).register("lu@example.com", "a-long-password", "Fay", Role.USER, "de");
    }

    @Test
    void registeringNeedsTheCsrfToken() throws Exception {
        mvc.perform(post("/register")
                        .param("displayName", "Fay")
                        .param("email", "jo@example.com")
                        .param("password", "a-long-password"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(registrations);
    }

    @Test
    void anyoneMaySeeTheFormsToSignInAndRegister() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(view().name("login"));
        mvc.perform(get("/register")).andExpect(status().isOk()).andExpect(view().name("register"));
    }

    private static MockHttpServletRequestBuilder registration(String email, String password) {
        return post("/register")
                .param("displayName", "Fay")
                .param("email", email)
                .param("password", password)
                .with(csrf());
    }
}
