package io.seatwise.web.page;

import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.SeatPlace;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Seats as pages name them: the layout's place of each seat ({@link SeatLayout#place(int)}), worded in the page's
 * language ("Stalls, Row B, Seat 5" or "Parkett, Reihe B, Platz 5"), in ascending order.
 */
@Component
public class SeatLabels {

    private final MessageSource messages;

    SeatLabels(MessageSource messages) {
        this.messages = messages;
    }

    public List<String> of(SeatLayout layout, List<Integer> seats) {
        var locale = LocaleContextHolder.getLocale();
        return seats.stream()
                .sorted()
                .map(seat -> layout.contains(seat) ? label(layout.place(seat), locale) : String.valueOf(seat))
                .toList();
    }

    public String joined(SeatLayout layout, List<Integer> seats) {
        return of(layout, seats).stream().collect(Collectors.joining("; "));
    }

    private String label(SeatPlace place, java.util.Locale locale) {
        return messages.getMessage(
                "seatMap.selectedItem",
                new Object[] {place.section(), place.row(), String.valueOf(place.number())},
                locale);
    }
}
