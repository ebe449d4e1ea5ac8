package io.seatwise.api;

import java.util.List;
import java.util.Map;

/** Companion seats chosen without a wheelchair space of their row in the same booking. */
public record CompanionWithoutWheelchair(List<Integer> companionSeats) implements Refusal {

    public CompanionWithoutWheelchair {
        companionSeats = List.copyOf(companionSeats);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.CONFLICT;
    }

    @Override
    public String reason() {
        return "companion-without-wheelchair";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("companionSeats", companionSeats);
    }
}
