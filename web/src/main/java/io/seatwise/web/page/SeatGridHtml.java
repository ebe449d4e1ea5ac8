package io.seatwise.web.page;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the seat controls of the section a page shows. A section has up to 800 seats with seven attributes each;
 * written here with the seat label's pattern looked up once, they take a millisecond, where the template engine
 * (an expression and a message lookup per attribute) took most of a 100 ms page budget. {@code seat-map.js} draws
 * other sections with exactly this markup.
 */
@Component("seatGridHtml")
public class SeatGridHtml {

    private final MessageSource messages;

    SeatGridHtml(MessageSource messages) {
        this.messages = messages;
    }

    public String render(SeatMapModel map, Locale locale) {
        var pattern = messages.getMessage("seat.label", new Object[] {"{0}", "{1}", "{2}"}, locale);
        var available = messages.getMessage("seat.status.available", null, locale);
        var selected = messages.getMessage("seat.status.selected", null, locale);
        var booked = messages.getMessage("seat.status.booked", null, locale);
        var html = new StringBuilder(map.rows().size() * map.seatsPerRow() * 200);
        for (var row : map.rows()) {
            var label = HtmlUtils.htmlEscape(row.label());
            html.append("<div class=\"sw-row\"><span class=\"sw-row-label\" aria-hidden=\"true\">")
                    .append(label)
                    .append("</span>");
            for (var seat : row.seats()) {
                var status = seat.status();
                var statusWord = seat.booked() ? booked : seat.selected() ? selected : available;
                html.append("<input type=\"checkbox\" class=\"sw-seat\" name=\"seats\" value=\"")
                        .append(seat.number())
                        .append(seat.selected() ? "\" checked=\"checked\"" : "\"")
                        .append(" data-seat=\"")
                        .append(seat.number())
                        .append("\" data-status=\"")
                        .append(status)
                        .append("\" data-row=\"")
                        .append(label)
                        .append("\" data-column=\"")
                        .append(seat.column())
                        .append(seat.booked() ? "\" aria-disabled=\"true\"" : "\"")
                        .append(" aria-label=\"")
                        .append(HtmlUtils.htmlEscape(pattern.replace("{0}", row.label())
                                .replace("{1}", Integer.toString(seat.number()))
                                .replace("{2}", statusWord)))
                        .append("\">");
            }
            html.append("<span class=\"sw-row-label\" aria-hidden=\"true\">")
                    .append(label)
                    .append("</span></div>");
        }
        return html.toString();
    }
}
