package io.seatwise.web.page;

import io.seatwise.api.AccountLimit;
import io.seatwise.api.AlreadyCheckedIn;
import io.seatwise.api.CompanionWithoutWheelchair;
import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidLayout;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.NoAdjacentBlock;
import io.seatwise.api.Refusal;
import io.seatwise.api.SeatsUnavailable;
import io.seatwise.api.SeatsUnknownOrRepeated;
import io.seatwise.api.SingleSeat;
import io.seatwise.api.TooLateToCancel;
import io.seatwise.api.TooManySeats;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one place where pages turn refusals into what a person reads, as {@code ApiExceptionHandler} is for the API: a
 * message from the bundles ({@code refusal.<reason>}) in the page's language, with the refusal's details (the seats,
 * the cutoff) formatted as the pages show them. Pages then show it on the form again or flash it after a redirect.
 */
@Component
public class PageRefusals {

    static final String KEY_PREFIX = "refusal.";
    static final String FIELD_PREFIX = "field.";

    private final MessageSource messages;
    private final Formats formats;

    PageRefusals(MessageSource messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    public String message(DomainException refused) {
        return message(refused.refusal());
    }

    String message(Refusal refusal) {
        return messages.getMessage(KEY_PREFIX + refusal.reason(), arguments(refusal), LocaleContextHolder.getLocale());
    }

    /**
     * Shows the refusal on the page a redirect leads to (the layout shows the flash attribute {@code error}); for an
     * address not verified yet, with the way to have its link mailed again ({@code verifyEmail}).
     */
    public void flash(DomainException refused, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", message(refused));
        if (refused.refusal() == Refusal.Plain.EMAIL_NOT_VERIFIED) {
            redirect.addFlashAttribute("verifyEmail", true);
        }
    }

    /** Shows the refusal above the form that is shown again. */
    public void reject(DomainException refused, BindingResult form) {
        form.reject("refused", message(refused));
    }

    private Object[] arguments(Refusal refusal) {
        if (refusal instanceof SeatsUnavailable taken) {
            return new Object[] {taken.seats().size(), formats.seats(taken.seats())};
        }
        if (refusal instanceof SeatsUnknownOrRepeated wrong) {
            return new Object[] {
                formats.seats(wrong.unknown()),
                formats.seats(wrong.repeated()),
                wrong.unknown().size(),
                wrong.repeated().size(),
                wrong.capacity()
            };
        }
        if (refusal instanceof TooManySeats tooMany) {
            return new Object[] {tooMany.max(), tooMany.chosen()};
        }
        if (refusal instanceof TooLateToCancel late) {
            return new Object[] {formats.dateTime(late.cancellableUntil())};
        }
        if (refusal instanceof AlreadyCheckedIn admitted) {
            return new Object[] {formats.dateTime(admitted.checkedInAt())};
        }
        if (refusal instanceof AccountLimit limit) {
            return new Object[] {limit.limit(), limit.held()};
        }
        if (refusal instanceof NoAdjacentBlock block) {
            return new Object[] {block.count()};
        }
        if (refusal instanceof SingleSeat single) {
            return new Object[] {single.strandedSeats().size(), formats.seats(single.strandedSeats())};
        }
        if (refusal instanceof CompanionWithoutWheelchair companion) {
            return new Object[] {companion.companionSeats().size(), formats.seats(companion.companionSeats())};
        }
        if (refusal instanceof InvalidLayout layout) {
            // the problem is told in English only: it names sections and rows the admin wrote, after a translated lead
            return new Object[] {layout.problem()};
        }
        if (refusal instanceof InvalidValue invalid) {
            return new Object[] {fieldName(invalid.field()), invalid.min(), invalid.max()};
        }
        return new Object[0];
    }

    private String fieldName(String field) {
        return messages.getMessage(FIELD_PREFIX + field, null, field, LocaleContextHolder.getLocale());
    }
}
