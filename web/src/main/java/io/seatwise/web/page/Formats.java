package io.seatwise.web.page;

import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.BookingReference;
import io.seatwise.web.SeatwiseProperties;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** How pages show times, prices and seat lists; used from templates as {@code @formats}. */
@Component("formats")
public class Formats {

    private final SeatwiseProperties properties;

    Formats(SeatwiseProperties properties) {
        this.properties = properties;
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", LocaleContextHolder.getLocale())
                .format(instant.atZone(properties.zone()));
    }

    public String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale())
                .format(instant.atZone(properties.zone()));
    }

    /** The value for an {@code <input type="datetime-local">}. */
    public String inputDateTime(Instant instant) {
        return instant == null
                ? ""
                : LocalDateTime.ofInstant(instant, properties.zone()).toString();
    }

    public Instant parseInputDateTime(LocalDateTime local) {
        return local.atZone(properties.zone()).toInstant();
    }

    public String price(long cents) {
        var format = NumberFormat.getCurrencyInstance(LocaleContextHolder.getLocale());
        format.setCurrency(properties.currency());
        return format.format(cents / 100.0);
    }

    /** A share between 0 and 1 as a percentage with at most one decimal, as people in the page's language write it. */
    public String percent(double share) {
        var format = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    /** A rating as five stars, filled up to the rating (rounded); pages give it an accessible name of its own. */
    public String stars(double rating) {
        int filled = (int) Math.max(0, Math.min(5, Math.round(rating)));
        return "★".repeat(filled) + "☆".repeat(5 - filled);
    }

    /** An average rating with one decimal, as people in the page's language write it. */
    public String rating(double rating) {
        var format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(rating);
    }

    public String seats(List<Integer> seats) {
        return seats.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** A booking's reference as people read it ({@code K7P-3QX-9M2}), shown instead of its id. */
    public String reference(String bookingId) {
        return BookingReference.of(BookingId.of(bookingId)).toString();
    }

    public String currencyCode() {
        return properties.currency().getCurrencyCode();
    }

    public String zoneName() {
        return properties.zone().getId();
    }
}
