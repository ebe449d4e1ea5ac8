package io.seatwise.api;

import java.util.List;
import java.util.Map;

/** Some of the chosen seats are booked already; the others are still free. */
public record SeatsUnavailable(List<Integer> seats) implements Refusal {

    public SeatsUnavailable {
        seats = List.copyOf(seats);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.CONFLICT;
    }

    @Override
    public String reason() {
        return "seats-unavailable";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("unavailableSeats", seats);
    }
}
