package io.seatwise.web.page;

import io.seatwise.api.venue.SeatLayout;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the seat controls of the block a page shows. A block has up to 800 seats with eight attributes each; written
 * here with each message's pattern split once, they take a millisecond, where the template engine (an expression and
 * a message lookup per attribute) took most of a 100 ms page budget. {@code seat-map.js} draws other blocks with
 * exactly this markup. The overview's block tiles are written here for the same reason.
 */
@Component("seatGridHtml")
public class SeatGridHtml {

    private final MessageSource messages;
    private final Formats formats;

    SeatGridHtml(MessageSource messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    /** A category's price as the page shows it: the money, or the word for free. */
    public String price(long cents, Locale locale) {
        return cents == 0 ? messages.getMessage("price.free", null, locale) : formats.price(cents);
    }

    public String render(SeatMapModel map, Locale locale) {
        var name = Pattern.of(escape(messages.getMessage("seat.label", placeholders(6), locale)));
        var statuses = new String[] {
            escape(messages.getMessage("seat.status.available", null, locale)),
            escape(messages.getMessage("seat.status.selected", null, locale)),
            escape(messages.getMessage("seat.status.booked", null, locale)),
            escape(messages.getMessage("seat.status.held", null, locale))
        };
        Map<Character, String[]> categories = new HashMap<>();
        for (var category : map.categories()) {
            categories.put(category.code().charAt(0), new String[] {
                category.styleClass(), escape(category.name()), escape(price(category.cents(), locale))
            });
        }
        var layout = map.layout();
        var shown = map.shown();
        var html = new StringBuilder((shown.capacity() + 20) * 240);
        int section = -1;
        for (int rowIndex = shown.firstRow(); rowIndex <= shown.lastRow(); rowIndex++) {
            var row = layout.placedRow(rowIndex);
            if (row.sectionIndex() != section) {
                if (section >= 0) {
                    html.append("</div>");
                }
                section = row.sectionIndex();
                var sectionName = escape(row.sectionName());
                html.append("<div class=\"sw-hall-section\" data-section-name=\"")
                        .append(sectionName)
                        .append("\"><h3 class=\"sw-hall-section-name\">")
                        .append(sectionName)
                        .append("</h3>");
            }
            var label = escape(row.row().label());
            var sectionName = escape(row.sectionName());
            var positions = row.positions();
            int lastColumn = shown.whole() ? widest(layout, section) : shown.lastColumn();
            int seat = row.firstSeat() + SeatMapModel.seatsBefore(positions, shown.firstColumn());
            html.append("<div class=\"sw-row\" data-row=\"")
                    .append(label)
                    .append("\" data-row-index=\"")
                    .append(rowIndex)
                    .append("\" data-first-seat=\"")
                    .append(row.firstSeat())
                    .append("\"><span class=\"sw-row-label\" aria-hidden=\"true\">")
                    .append(label)
                    .append("</span>");
            for (int column = shown.firstColumn(); column <= lastColumn; column++) {
                char position = column <= positions.length() ? positions.charAt(column - 1) : SeatLayout.GAP;
                if (position == SeatLayout.GAP) {
                    html.append("<span class=\"sw-gap\" aria-hidden=\"true\"></span>");
                    continue;
                }
                var category = categories.get(position);
                boolean booked = map.booked().get(seat);
                boolean held = !booked && map.held().get(seat);
                boolean selected = !booked && !held && map.selected().contains(seat);
                int status = booked ? 2 : held ? 3 : selected ? 1 : 0;
                html.append("<input type=\"checkbox\" class=\"sw-seat ")
                        .append(category[0])
                        .append("\" name=\"seats\" value=\"")
                        .append(seat)
                        .append(selected ? "\" checked=\"checked\"" : "\"")
                        .append(" data-seat=\"")
                        .append(seat)
                        .append("\" data-status=\"")
                        .append(booked ? "booked" : held ? "held" : selected ? "selected" : "available")
                        .append("\" data-category=\"")
                        .append(position)
                        .append("\" data-column=\"")
                        .append(column)
                        .append(booked || held ? "\" aria-disabled=\"true\"" : "\"")
                        .append(" aria-label=\"");
                name.appendTo(
                        html,
                        sectionName,
                        label,
                        Integer.toString(seat - row.firstSeat() + 1),
                        category[1],
                        category[2],
                        statuses[status]);
                html.append("\">");
                seat++;
            }
            html.append("<span class=\"sw-row-label\" aria-hidden=\"true\">")
                    .append(label)
                    .append("</span></div>");
        }
        if (section >= 0) {
            html.append("</div>");
        }
        return html.toString();
    }

    /**
     * The overview of a map in blocks: per section of the layout its name and a band of block tiles per band of rows,
     * each a link to {@code eventHref} with its block, its bounds for {@code seat-map.js}, and its free seats in its
     * accessible name.
     */
    public String blocks(SeatMapModel map, String eventHref, Locale locale) {
        var pattern = Pattern.of(messages.getMessage("seatMap.block.label", placeholders(8), locale));
        var numbers = NumberFormat.getInstance(locale);
        var href = escape(eventHref);
        var layout = map.layout();
        var html = new StringBuilder(map.blocks().size() * 500);
        for (var section : map.blocksBySectionAndBand()) {
            var sectionName = escape(section.get(0).get(0).sectionName());
            html.append("<div class=\"sw-block-section\"><div class=\"sw-block-section-name\">")
                    .append(sectionName)
                    .append("</div>");
            for (var band : section) {
                html.append("<div class=\"sw-block-band\">");
                for (var block : band) {
                    var label = new StringBuilder();
                    pattern.appendTo(
                            label,
                            numbers.format(block.number()),
                            block.sectionName(),
                            layout.placedRow(block.firstRow()).row().label(),
                            layout.placedRow(block.lastRow()).row().label(),
                            numbers.format(block.firstColumn()),
                            numbers.format(block.lastColumn()),
                            numbers.format(block.available()),
                            numbers.format(block.capacity()));
                    html.append("<a class=\"sw-block-tile sw-fill-")
                            .append(block.fillLevel())
                            .append("\" href=\"")
                            .append(href)
                            .append("?block=")
                            .append(block.number())
                            .append("#seat-map\" data-block=\"")
                            .append(block.number())
                            .append("\" data-first-row=\"")
                            .append(block.firstRow())
                            .append("\" data-last-row=\"")
                            .append(block.lastRow())
                            .append("\" data-first-column=\"")
                            .append(block.firstColumn())
                            .append("\" data-last-column=\"")
                            .append(block.lastColumn())
                            .append(block.number() == map.shown().number() ? "\" aria-current=\"true\"" : "\"")
                            .append(" aria-label=\"")
                            .append(escape(label.toString()))
                            .append("\">")
                            .append(block.number())
                            .append("</a>");
                }
                html.append("</div>");
            }
            html.append("</div>");
        }
        return html.toString();
    }

    /** The caption of the block shown, such as "Block 3: Stalls, rows A to T, columns 41 to 80". */
    public String caption(SeatMapModel map, Locale locale) {
        var block = map.shown();
        var layout = map.layout();
        return messages.getMessage(
                "seatMap.block.caption",
                new Object[] {
                    block.number(),
                    block.sectionName(),
                    layout.placedRow(block.firstRow()).row().label(),
                    layout.placedRow(block.lastRow()).row().label(),
                    block.firstColumn(),
                    block.lastColumn()
                },
                locale);
    }

    /** Escapes only what HTML needs, so that "£" stays one character instead of "&pound;". */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static int widest(SeatLayout layout, int section) {
        return layout.sections().get(section).rows().stream()
                .mapToInt(row -> row.seats().length())
                .max()
                .orElse(0);
    }

    private static Object[] placeholders(int count) {
        var arguments = new Object[count];
        for (int i = 0; i < count; i++) {
            arguments[i] = "{" + i + "}";
        }
        return arguments;
    }

    /**
     * A message pattern split once at its placeholders {0}..{9}, so that filling it in for each of 800 seats is
     * appending, and a value that itself looks like a placeholder stays as it is.
     */
    record Pattern(List<String> literals, int[] arguments) {

        static Pattern of(String text) {
            var literals = new ArrayList<String>();
            var arguments = new ArrayList<Integer>();
            int from = 0;
            for (int i = 0; i + 2 < text.length(); i++) {
                if (text.charAt(i) == '{' && Character.isDigit(text.charAt(i + 1)) && text.charAt(i + 2) == '}') {
                    literals.add(text.substring(from, i));
                    arguments.add(text.charAt(i + 1) - '0');
                    from = i + 3;
                    i += 2;
                }
            }
            literals.add(text.substring(from));
            return new Pattern(
                    literals, arguments.stream().mapToInt(Integer::intValue).toArray());
        }

        /** Appends the pattern with the values given (already escaped where the output needs it). */
        void appendTo(StringBuilder out, String... values) {
            for (int i = 0; i < arguments.length; i++) {
                out.append(literals.get(i)).append(values[arguments[i]]);
            }
            out.append(literals.get(arguments.length));
        }
    }
}
