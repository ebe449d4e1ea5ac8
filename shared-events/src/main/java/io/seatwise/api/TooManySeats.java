package io.seatwise.api;

/** More seats were chosen ({@code chosen}) than one booking holds ({@code max}). */
public record TooManySeats(int max, int chosen) implements Refusal {

    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID;
    }

    @Override
    public String reason() {
        return "too-many-seats";
    }
}
