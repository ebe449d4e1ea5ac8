package io.seatwise.web.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What trying a letter's sequence again did. */
public record Retried(
        @Schema(description = "Whether every letter of the sequence was handled this time, and so left the queue")
        boolean handled,

        @Schema(description = "The letters of the sequence still parked: the one that failed again and those behind it")
        List<DeadLetterView> parked) {}
