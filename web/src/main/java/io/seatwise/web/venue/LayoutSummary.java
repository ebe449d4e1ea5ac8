package io.seatwise.web.venue;

import io.seatwise.api.venue.SeatLayout;
import java.util.LinkedHashMap;
import java.util.List;

/** What pages tell about a layout in words: its sections with their rows and seats, and its categories' seats. */
public record LayoutSummary(int capacity, List<SectionSeats> sections, List<CategorySeats> categories) {

    public record SectionSeats(String name, int rows, int seats) {}

    /** {@code kind} as in the JSON (standard, restricted, wheelchair, companion), for the bundles' keys. */
    public record CategorySeats(String code, String name, String kind, int seats) {}

    public static LayoutSummary of(SeatLayout layout) {
        var seatsByCode = new LinkedHashMap<String, Integer>();
        layout.categories().forEach(category -> seatsByCode.put(category.code(), 0));
        var sections = layout.sections().stream()
                .map(section -> {
                    int seats = 0;
                    for (var row : section.rows()) {
                        for (char position : row.seats().toCharArray()) {
                            if (position != SeatLayout.GAP) {
                                seatsByCode.merge(String.valueOf(position), 1, Integer::sum);
                                seats++;
                            }
                        }
                    }
                    return new SectionSeats(section.name(), section.rows().size(), seats);
                })
                .toList();
        var categories = layout.categories().stream()
                .map(category -> new CategorySeats(
                        category.code(), category.name(), category.kind().json(), seatsByCode.get(category.code())))
                .toList();
        return new LayoutSummary(layout.capacity(), sections, categories);
    }
}
