package io.seatwise.api;

import java.util.Map;

/** No {@code count} free seats side by side (of {@code category}, if given) are left. */
public record NoAdjacentBlock(int count, String category) implements Refusal {

    @Override
    public ErrorCode code() {
        return ErrorCode.CONFLICT;
    }

    @Override
    public String reason() {
        return "no-adjacent-block";
    }

    @Override
    public Map<String, Object> properties() {
        return category == null ? Map.of("count", count) : Map.of("count", count, "category", category);
    }
}
