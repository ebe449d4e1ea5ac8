package io.seatwise.api;

import java.util.List;
import java.util.Map;

/** Seats that the event does not have, or that were chosen more than once (either list may be empty). */
public record SeatsUnknownOrRepeated(List<Integer> unknown, List<Integer> repeated, int capacity) implements Refusal {

    public SeatsUnknownOrRepeated {
        unknown = List.copyOf(unknown);
        repeated = List.copyOf(repeated);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID;
    }

    @Override
    public String reason() {
        return "seats-unknown-or-repeated";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("unknownSeats", unknown, "repeatedSeats", repeated);
    }
}
