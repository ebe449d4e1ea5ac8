package io.seatwise.web.review;

import static io.seatwise.web.security.WebSliceConfiguration.USER_ID;
import static io.seatwise.web.security.WebSliceConfiguration.user;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.Refusal;
import io.seatwise.api.review.ReviewId;
import io.seatwise.api.review.ReviewSubject;
import io.seatwise.web.security.WebSlice;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Writing, editing and deleting reviews from the pages, with the review aggregates' answers stood in for. */
@WebSlice(ReviewPageController.class)
class ReviewPagesTest {

    private static final ReviewSubject EVENT = ReviewSubject.event("folk-night");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Reviews reviews;

    @Test
    void aPublishedReviewLeadsBackToTheEventWithANotice() throws Exception {
        when(reviews.submit(EVENT, USER_ID, 4, "Lovely")).thenReturn(ReviewId.of(EVENT, USER_ID));

        mvc.perform(post("/events/folk-night/reviews")
                        .param("rating", "4")
                        .param("text", "Lovely")
                        .with(user())
                        .with(csrf()))
                .andExpect(redirectedUrl("/events/folk-night#reviews"))
                .andExpect(flash().attribute("notice", "reviews.published"));
    }

    @Test
    void someoneWithoutABookingIsToldSoInGermanAndKeepsTheDraft() throws Exception {
        when(reviews.submit(EVENT, USER_ID, 5, "Sneaky"))
                .thenThrow(new DomainException(Refusal.Plain.NOT_A_BOOKER, "Only people who booked this event"));

        mvc.perform(post("/events/folk-night/reviews")
                        .param("rating", "5")
                        .param("text", "Sneaky")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "de")
                        .with(user())
                        .with(csrf()))
                .andExpect(redirectedUrl("/events/folk-night#reviews"))
                .andExpect(flash().attribute("error", "Nur wer gebucht hat, kann dies bewerten."))
                .andExpect(flash().attribute("reviewDraft", new ReviewPageController.ReviewForm(5, "Sneaky")));
    }

    @Test
    void aSecondReviewIsRefusedInEnglish() throws Exception {
        when(reviews.submit(EVENT, USER_ID, 3, "Again"))
                .thenThrow(new DomainException(Refusal.Plain.ALREADY_REVIEWED, "You have already reviewed"));

        mvc.perform(post("/events/folk-night/reviews")
                        .param("rating", "3")
                        .param("text", "Again")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .with(user())
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "error", "You have already reviewed this. You can edit your review instead."));
    }

    @Test
    void aTextTheDomainRefusesIsNamedWithItsFieldInGerman() throws Exception {
        when(reviews.submit(EVENT, USER_ID, 3, "bell\u0007"))
                .thenThrow(new DomainException(
                        InvalidValue.of("text", Rule.CONTROL_CHARACTERS), "text must not contain control characters"));

        mvc.perform(post("/events/folk-night/reviews")
                        .param("rating", "3")
                        .param("text", "bell\u0007")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "de")
                        .with(user())
                        .with(csrf()))
                .andExpect(flash().attribute("error", "Text: darf keine Steuerzeichen enthalten."));
    }

    @Test
    void aFormOutOfRangeIsRefusedBeforeAnyCommand() throws Exception {
        mvc.perform(post("/venues/corn-exchange/reviews")
                        .param("rating", "9")
                        .param("text", "Too good")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .with(user())
                        .with(csrf()))
                .andExpect(redirectedUrl("/venues/corn-exchange#reviews"))
                .andExpect(flash().attribute(
                                "error", "Choose a rating from 1 to 5 and write between 1 and 4,000 characters."));
        verifyNoInteractions(reviews);
    }

    @Test
    void onlyTheAuthorMayEditOrDelete() throws Exception {
        when(reviews.edit(eq("r-1"), eq(USER_ID), anyInt(), anyString()))
                .thenThrow(new DomainException(Refusal.Plain.NOT_THE_AUTHOR, "Only the author"));
        doThrow(new DomainException(Refusal.Plain.NOT_THE_AUTHOR, "Only the author"))
                .when(reviews)
                .delete("r-1", USER_ID);

        mvc.perform(post("/events/folk-night/reviews/r-1")
                        .param("rating", "1")
                        .param("text", "Changed")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .with(user())
                        .with(csrf()))
                .andExpect(flash().attribute("error", "Only the author can change that review."));
        mvc.perform(post("/events/folk-night/reviews/r-1/delete")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "de")
                        .with(user())
                        .with(csrf()))
                .andExpect(redirectedUrl("/events/folk-night#reviews"))
                .andExpect(flash().attribute(
                                "error", "Nur die Person, die die Bewertung geschrieben hat, kann sie ändern."));
    }

    @Test
    void aReviewOfAnUnknownEventShowsTheNotFoundPage() throws Exception {
        var unknown = ReviewSubject.event("nothing");
        when(reviews.submit(unknown, USER_ID, 4, "Hi"))
                .thenThrow(new DomainException(Refusal.Plain.NO_SUCH_EVENT, "No such event"));

        mvc.perform(post("/events/nothing/reviews")
                        .param("rating", "4")
                        .param("text", "Hi")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .with(user())
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("There is no such event.")));
    }

    @Test
    void anonymousVisitorsAreAskedToSignInAndChangeNothing() throws Exception {
        mvc.perform(post("/events/folk-night/reviews")
                        .param("rating", "5")
                        .param("text", "Hi")
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(post("/events/folk-night/reviews/r-1/delete").with(user())).andExpect(status().isForbidden());
        verifyNoInteractions(reviews);
    }

    @Test
    void deletingLeadsBackWithANotice() throws Exception {
        mvc.perform(post("/venues/corn-exchange/reviews/r-2/delete")
                        .with(user())
                        .with(csrf()))
                .andExpect(redirectedUrl("/venues/corn-exchange#reviews"))
                .andExpect(flash().attribute("notice", "reviews.deleted"));
        verify(reviews).delete("r-2", USER_ID);
    }
}
