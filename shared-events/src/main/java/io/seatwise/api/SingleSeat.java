package io.seatwise.api;

import java.util.List;
import java.util.Map;

/** The booking would leave these seats alone between unavailable seats, gaps or row ends. */
public record SingleSeat(List<Integer> strandedSeats) implements Refusal {

    public SingleSeat {
        strandedSeats = List.copyOf(strandedSeats);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.CONFLICT;
    }

    @Override
    public String reason() {
        return "single-seat";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("strandedSeats", strandedSeats);
    }
}
