package io.seatwise.web.page;

import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the seat controls of the section a page shows. A section has up to 800 seats with seven attributes each;
 * written here with the seat label's pattern looked up once, they take a millisecond, where the template engine
 * (an expression and a message lookup per attribute) took most of a 100 ms page budget. {@code seat-map.js} draws
 * other sections with exactly this markup. The overview's section tiles (50 of them, nine attributes each) are written
 * here for the same reason.
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

    /**
     * The overview of a sectioned map: a band of section tiles per band of rows, each a link to {@code eventHref} with
     * its section, its bounds for {@code seat-map.js}, and its free seats in its accessible name.
     */
    public String sections(SeatMapModel map, String eventHref, Locale locale) {
        var pattern = messages.getMessage(
                "seatMap.section.label", new Object[] {"{0}", "{1}", "{2}", "{3}", "{4}", "{5}", "{6}"}, locale);
        var numbers = NumberFormat.getInstance(locale);
        var href = HtmlUtils.htmlEscape(eventHref);
        var html = new StringBuilder(map.sectionCount() * 400);
        for (var band : map.sections()) {
            html.append("<div class=\"sw-section-band\">");
            for (var part : band) {
                var label = pattern.replace("{0}", numbers.format(part.number()))
                        .replace("{1}", part.firstRowLabel())
                        .replace("{2}", part.lastRowLabel())
                        .replace("{3}", numbers.format(part.firstColumn()))
                        .replace("{4}", numbers.format(part.lastColumn()))
                        .replace("{5}", numbers.format(part.available()))
                        .replace("{6}", numbers.format(part.capacity()));
                html.append("<a class=\"sw-section-tile sw-fill-")
                        .append(part.fillLevel())
                        .append("\" href=\"")
                        .append(href)
                        .append("?section=")
                        .append(part.number())
                        .append("#seat-map\" data-section=\"")
                        .append(part.number())
                        .append("\" data-first-row=\"")
                        .append(part.firstRow())
                        .append("\" data-last-row=\"")
                        .append(part.lastRow())
                        .append("\" data-first-column=\"")
                        .append(part.firstColumn())
                        .append("\" data-last-column=\"")
                        .append(part.lastColumn())
                        .append(part.number() == map.section().number() ? "\" aria-current=\"true\"" : "\"")
                        .append(" aria-label=\"")
                        .append(HtmlUtils.htmlEscape(label))
                        .append("\">")
                        .append(part.number())
                        .append("</a>");
            }
            html.append("</div>");
        }
        return html.toString();
    }
}
