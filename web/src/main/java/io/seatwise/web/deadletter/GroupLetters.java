package io.seatwise.web.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A processing group with a dead letter queue and the letters parked in it, sequence by sequence. */
public record GroupLetters(
        @Schema(description = "The processing group", example = "mail")
        String group,

        @Schema(description = "The letters parked in the group, each sequence's in order")
        List<DeadLetterView> letters) {}
