package io.seatwise.api;

import java.time.Instant;
import java.util.Map;

/** The ticket was admitted at the door already, at {@code checkedInAt}: a ticket is admitted once. */
public record AlreadyCheckedIn(Instant checkedInAt) implements Refusal {

    @Override
    public ErrorCode code() {
        return ErrorCode.CONFLICT;
    }

    @Override
    public String reason() {
        return "already-checked-in";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("checkedInAt", checkedInAt.toString());
    }
}
