package io.seatwise.query.stats;

import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.stats.CategoryRevenue;
import io.seatwise.api.stats.EventStatistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The statistics per seat category, for {@link StatisticsProjection}: each event has a row per category of its layout
 * ({@code stats_event_categories}), written with nothing booked when the event is scheduled; what its bookings add and
 * take out is written with the event's figures ({@link PendingFigures}). Read back per event in the layout's order,
 * and summed across the events.
 */
final class CategoryFigures {

    private final JdbcTemplate jdbc;

    CategoryFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A row per category of the event's layout, in its order; rows that are there already stay as they are. */
    void scheduled(EventScheduled event) {
        var categories = event.layout().categories();
        for (int position = 0; position < categories.size(); position++) {
            var category = categories.get(position);
            jdbc.update("""
                    INSERT INTO stats_event_categories (event_id, code, name, position, booked, revenue_cents)
                    VALUES (?, ?, ?, ?, 0, 0)
                    ON CONFLICT (event_id, code) DO NOTHING
                    """, event.eventId().value(), category.code(), category.name(), position);
        }
    }

    /** Every event's categories by event id, each in the order of its layout. */
    Map<String, List<CategoryRevenue>> byEvent() {
        var categories = new HashMap<String, List<CategoryRevenue>>();
        jdbc.query("""
                SELECT event_id, code, name, booked, revenue_cents
                FROM stats_event_categories ORDER BY event_id, position
                """, (RowCallbackHandler) rs -> categories
                .computeIfAbsent(rs.getString(1), event -> new ArrayList<>())
                .add(new CategoryRevenue(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5))));
        return categories;
    }

    /** The events' categories summed by code and name: "S Standard" of two halls is one category, "P Premium" another. */
    static List<CategoryRevenue> totals(List<EventStatistics> events) {
        var sums = new TreeMap<List<String>, CategoryRevenue>(
                Comparator.<List<String>, String>comparing(key -> key.get(0)).thenComparing(key -> key.get(1)));
        events.stream()
                .flatMap(event -> event.categories().stream())
                .forEach(category -> sums.merge(
                        List.of(category.code(), category.name()),
                        category,
                        (sum, more) -> new CategoryRevenue(
                                sum.code(),
                                sum.name(),
                                sum.booked() + more.booked(),
                                sum.revenueCents() + more.revenueCents())));
        return List.copyOf(sums.values());
    }
}
