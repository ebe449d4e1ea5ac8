package io.seatwise.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.seatwise.api.venue.SeatLayout;
import java.util.Map;
import java.util.TreeMap;

/**
 * How read models keep layouts and prices: as JSON text, the same on SQLite and PostgreSQL. Rows written before
 * layouts and prices per category (migration V8) have neither; they describe a plain grid of their {@code rows} and
 * {@code seatsPerRow} with its one category {@code S} at their one price, which is what those events were.
 */
public final class StoredJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /**
     * Layouts already read, by their JSON: a layout never changes once stored, and reading a 40,000-seat one (50 KB of
     * JSON, then its checks and index) costs about a millisecond, which the statistics and the mails would otherwise
     * pay for every transaction and every mail of a busy sale. Weighed by the JSON's length: at most 16 M characters.
     */
    private static final Cache<String, SeatLayout> LAYOUTS = Caffeine.newBuilder()
            .maximumWeight(16L << 20)
            .weigher((String json, SeatLayout layout) -> json.length())
            .build();

    private static final TypeReference<Map<String, Long>> PRICES = new TypeReference<>() {};

    private StoredJson() {}

    public static String layout(SeatLayout layout) {
        return write(layout);
    }

    public static SeatLayout layout(String json, int rowsBeforeV8, int seatsPerRowBeforeV8) {
        if (json == null) {
            return SeatLayout.grid(rowsBeforeV8, seatsPerRowBeforeV8);
        }
        return LAYOUTS.get(json, StoredJson::readLayout);
    }

    private static SeatLayout readLayout(String json) {
        try {
            return MAPPER.readValue(json, SeatLayout.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored layout cannot be read", e);
        }
    }

    public static String prices(Map<String, Long> prices) {
        return write(new TreeMap<>(prices));
    }

    public static Map<String, Long> prices(String json, long priceCentsBeforeV8) {
        if (json == null) {
            return Map.of(SeatLayout.STANDARD.code(), priceCentsBeforeV8);
        }
        try {
            return MAPPER.readValue(json, PRICES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored prices cannot be read", e);
        }
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
