package io.seatwise.api;

import java.util.Map;

/** A layout that breaks one of SPEC §1's rules; {@code problem} says which, in English. */
public record InvalidLayout(String problem) implements Refusal {

    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID;
    }

    @Override
    public String reason() {
        return "invalid-layout";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("problem", problem);
    }
}
