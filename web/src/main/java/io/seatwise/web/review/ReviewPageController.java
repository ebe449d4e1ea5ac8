package io.seatwise.web.review;

import io.seatwise.api.DomainException;
import io.seatwise.api.ErrorCode;
import io.seatwise.api.review.ReviewSubject;
import io.seatwise.web.page.PageRefusals;
import io.seatwise.web.security.CurrentAccount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing, editing and deleting reviews from the event and venue pages: plain form posts that lead back to the page
 * with a message, so they work without JavaScript.
 */
@Controller
class ReviewPageController {

    private static final String SUBJECT = "/{kind:events|venues}/{id}/reviews";

    private final Reviews reviews;
    private final PageRefusals refusals;
    private final MessageSource messages;

    ReviewPageController(Reviews reviews, PageRefusals refusals, MessageSource messages) {
        this.reviews = reviews;
        this.refusals = refusals;
        this.messages = messages;
    }

    record ReviewForm(
            @NotNull @Min(1) @Max(5) Integer rating,
            @NotBlank @Size(max = 4000) String text) implements java.io.Serializable {}

    @PostMapping(SUBJECT)
    String submit(
            @PathVariable String kind,
            @PathVariable String id,
            @Valid @ModelAttribute("review") ReviewForm form,
            BindingResult result,
            Authentication authentication,
            RedirectAttributes redirect) {
        var subject = subjectOf(kind, id);
        var author = CurrentAccount.of(authentication);
        if (result.hasErrors()) {
            return invalid(subject, form, redirect);
        }
        try {
            reviews.submit(subject, author, form.rating(), form.text());
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.NOT_FOUND) {
                throw refused;
            }
            return refused(subject, refused, form, redirect);
        }
        return done(subject, "reviews.published", redirect);
    }

    @PostMapping(SUBJECT + "/{reviewId}")
    String edit(
            @PathVariable String kind,
            @PathVariable String id,
            @PathVariable String reviewId,
            @Valid @ModelAttribute("review") ReviewForm form,
            BindingResult result,
            Authentication authentication,
            RedirectAttributes redirect) {
        var subject = subjectOf(kind, id);
        var editor = CurrentAccount.of(authentication);
        if (result.hasErrors()) {
            return invalid(subject, form, redirect);
        }
        try {
            reviews.edit(reviewId, editor, form.rating(), form.text());
        } catch (DomainException refused) {
            return refused(subject, refused, form, redirect);
        }
        return done(subject, "reviews.updated", redirect);
    }

    @PostMapping(SUBJECT + "/{reviewId}/delete")
    String delete(
            @PathVariable String kind,
            @PathVariable String id,
            @PathVariable String reviewId,
            Authentication authentication,
            RedirectAttributes redirect) {
        var subject = subjectOf(kind, id);
        var editor = CurrentAccount.of(authentication);
        try {
            reviews.delete(reviewId, editor);
        } catch (DomainException refused) {
            return refused(subject, refused, null, redirect);
        }
        return done(subject, "reviews.deleted", redirect);
    }

    /** Checks the id before it goes into a redirect; an id that cannot be one is a 404. */
    private static ReviewSubject subjectOf(String kind, String id) {
        return "events".equals(kind) ? ReviewSubject.event(id) : ReviewSubject.venue(id);
    }

    private String done(ReviewSubject subject, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return backTo(subject);
    }

    /** Back to the page with the reason, keeping what was written so that a refusal does not lose it. */
    private String refused(
            ReviewSubject subject, DomainException refused, ReviewForm form, RedirectAttributes redirect) {
        refusals.flash(refused, redirect);
        return keep(subject, form, redirect);
    }

    private String invalid(ReviewSubject subject, ReviewForm form, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "error", messages.getMessage("reviews.refused.invalid", null, LocaleContextHolder.getLocale()));
        return keep(subject, form, redirect);
    }

    private static String keep(ReviewSubject subject, ReviewForm form, RedirectAttributes redirect) {
        if (form != null) {
            redirect.addFlashAttribute("reviewDraft", form);
        }
        return backTo(subject);
    }

    private static String backTo(ReviewSubject subject) {
        var page = subject.kind() == ReviewSubject.Kind.EVENT ? "/events/" : "/venues/";
        return "redirect:" + page + subject.id() + "#reviews";
    }
}
