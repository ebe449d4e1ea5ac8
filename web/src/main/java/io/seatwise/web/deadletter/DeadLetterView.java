package io.seatwise.web.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One event that a processing group could not handle, parked in the group's dead letter queue. */
public record DeadLetterView(
        @Schema(description = "The letter's id, for retrying or dropping it")
        String id,

        @Schema(
                description = "The processing group (read model or mail) that could not handle the event",
                example = "catalog")
        String group,

        @Schema(
                description = "The sequence that the event belongs to, its aggregate: later events of the same sequence"
                        + " wait behind it")
        String sequence,

        @Schema(description = "The letter's place in its sequence, from 0: only the first is tried, the rest follow it")
        int position,

        @Schema(description = "The event's type", example = "EventScheduled")
        String eventType,

        @Schema(description = "The id of the aggregate that stored the event, if any", nullable = true)
        String aggregateId,

        @Schema(description = "The event's sequence number in its aggregate, if any", nullable = true)
        Long aggregateSequence,

        @Schema(description = "The event's id in the event store")
        String eventId,

        @Schema(description = "When the event was stored") Instant storedAt,

        @Schema(
                description = "The kind of failure, if the letter failed itself; none for a letter that only waits"
                        + " behind an earlier one of its sequence",
                nullable = true)
        String causeType,

        @Schema(description = "What the failure said", nullable = true)
        String causeMessage,

        @Schema(description = "When the letter was parked") Instant enqueuedAt,

        @Schema(description = "When the letter was last parked or tried")
        Instant lastTouched,

        @Schema(description = "How many times the event was handled and failed: when it was parked, and at each retry")
        int attempts) {}
