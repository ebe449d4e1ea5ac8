package io.seatwise.api;

import java.util.Map;

/**
 * The booking would give the account more seats of the event than {@code limit}, the event's limit per account;
 * it holds {@code held} already (bookings not cancelled).
 */
public record AccountLimit(int limit, int held) implements Refusal {

    @Override
    public ErrorCode code() {
        return ErrorCode.CONFLICT;
    }

    @Override
    public String reason() {
        return "account-limit";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("limit", limit, "held", held);
    }
}
