package io.seatwise.web.admin;

import io.seatwise.api.stats.EventStatistics;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The columns of the dashboard's event table that it can be sorted by, named as in its {@code sort} parameter. */
enum EventColumn {
    TITLE("title", Comparator.comparing(EventStatistics::title, String.CASE_INSENSITIVE_ORDER)),
    CAPACITY("capacity", Comparator.comparingInt(EventStatistics::capacity)),
    BOOKED("booked", Comparator.comparingInt(EventStatistics::booked)),
    AVAILABLE("available", Comparator.comparingInt(EventStatistics::available)),
    OCCUPANCY("occupancy", Comparator.comparingDouble(EventStatistics::occupancy)),
    BOOKINGS("bookings", Comparator.comparingInt(EventStatistics::bookings)),
    REVENUE("revenue", Comparator.comparingLong(EventStatistics::revenueCents));

    private final String key;
    private final Comparator<EventStatistics> order;

    EventColumn(String key, Comparator<EventStatistics> order) {
        this.key = key;
        this.order = order;
    }

    static Optional<EventColumn> named(String key) {
        return Arrays.stream(values()).filter(column -> column.key.equals(key)).findFirst();
    }

    static List<String> keys() {
        return Arrays.stream(values()).map(EventColumn::key).toList();
    }

    String key() {
        return key;
    }

    /** Sorted by this column, ties in the order given (by start), which a stable sort keeps. */
    List<EventStatistics> sort(List<EventStatistics> events, boolean descending) {
        return events.stream().sorted(descending ? order.reversed() : order).toList();
    }
}
