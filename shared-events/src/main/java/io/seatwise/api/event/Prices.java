package io.seatwise.api.event;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.venue.SeatLayout;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** The prices of an event's seats, one per category code of its layout, in cents. */
public final class Prices {

    /** The highest price of a seat: 1,000,000.00, so that no sum of 40,000 seats can overflow. */
    public static final long MAX_CENTS = 100_000_000L;

    private Prices() {}

    /**
     * The price of every category of the layout: {@code priceCents} for all, or {@code prices}, which must name every
     * category and no other; exactly one of the two is given.
     */
    public static Map<String, Long> of(SeatLayout layout, Long priceCents, Map<String, Long> prices) {
        var result = new TreeMap<String, Long>();
        if (priceCents != null && prices != null) {
            throw new DomainException(
                    InvalidValue.of("prices", Rule.NOT_A_CHOICE), "Give priceCents or prices, not both");
        }
        if (priceCents != null) {
            checkCents("priceCents", priceCents);
            layout.categories().forEach(category -> result.put(category.code(), priceCents));
            return result;
        }
        if (prices == null) {
            throw new DomainException(
                    InvalidValue.of("prices", Rule.REQUIRED), "Give priceCents, or prices for every category");
        }
        for (var entry : prices.entrySet()) {
            if (layout.category(entry.getKey()) == null) {
                throw new DomainException(
                        InvalidValue.of("prices", Rule.UNKNOWN_CATEGORY),
                        "The venue's layout has no category " + entry.getKey());
            }
            if (entry.getValue() == null) {
                throw new DomainException(
                        InvalidValue.of("prices", Rule.REQUIRED), "The price of " + entry.getKey() + " is missing");
            }
            checkCents("prices", entry.getValue());
            result.put(entry.getKey(), entry.getValue());
        }
        for (var category : layout.categories()) {
            if (!result.containsKey(category.code())) {
                throw new DomainException(
                        InvalidValue.of("prices", Rule.REQUIRED),
                        "The price of category " + category.code() + " (" + category.name() + ") is missing");
            }
        }
        return result;
    }

    /**
     * The price lists show as "from": the lowest of the categories that anyone may book, since wheelchair spaces and
     * companion seats (often free) are for those who need them; the lowest of all if the layout has only those.
     */
    public static long fromCents(SeatLayout layout, Map<String, Long> prices) {
        return layout.categories().stream()
                .filter(category -> !category.special())
                .mapToLong(category -> prices.getOrDefault(category.code(), 0L))
                .min()
                .orElseGet(() -> prices.values().stream()
                        .mapToLong(Long::longValue)
                        .min()
                        .orElse(0));
    }

    /** What the seats cost at these prices, per category code: as a booking records it when it is made. */
    public static Map<String, Long> ofSeats(SeatLayout layout, Map<String, Long> prices, Collection<Integer> seats) {
        var cents = new TreeMap<String, Long>();
        for (int seat : seats) {
            var category = layout.categoryOf(seat);
            cents.merge(category, prices.get(category), Long::sum);
        }
        return cents;
    }

    private static void checkCents(String field, long cents) {
        if (cents < 0) {
            throw new DomainException(InvalidValue.of(field, Rule.NEGATIVE), field + " must not be negative");
        }
        if (cents > MAX_CENTS) {
            throw new DomainException(
                    InvalidValue.outOfRange(field, 0, MAX_CENTS), field + " must be at most " + MAX_CENTS);
        }
    }
}
