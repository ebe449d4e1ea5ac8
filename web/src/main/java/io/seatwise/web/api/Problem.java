package io.seatwise.web.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The shape of every refusal of the API as its description shows it: an RFC 9457 problem, and the members that some
 * refusals add to name what they refer to. Only described, never built: the answers are Spring's {@code
 * ProblemDetail}s (see {@code ApiExceptionHandler}).
 */
@Schema(
        name = "Problem",
        description = "An RFC 9457 problem. Besides the standard members, a refusal may name what it refers to in one "
                + "of the members below; all others are absent.")
record Problem(
        @Schema(
                description = "Always about:blank: the status and the detail say what happened",
                requiredMode = RequiredMode.REQUIRED,
                format = "uri-reference",
                example = "about:blank")
        URI type,

        @Schema(description = "The phrase of the status", requiredMode = RequiredMode.REQUIRED, example = "Conflict")
        String title,

        @Schema(description = "The HTTP status", requiredMode = RequiredMode.REQUIRED, example = "409")
        int status,

        @Schema(
                description = "What is wrong, in words a person can act on",
                requiredMode = RequiredMode.REQUIRED,
                example = "Already booked: 3, 4")
        String detail,

        @Schema(
                description = "The path that was called",
                format = "uri-reference",
                example = "/api/events/8a1f0c52-3d0e-4c55-9f51-0b9bb2b7f1de/bookings")
        URI instance,

        @Schema(
                description = "Why the request was refused, a stable name to switch on (the detail is for people); "
                        + "present on every refusal of the domain, e.g. seats-unavailable, event-started, "
                        + "already-cancelled, too-late-to-cancel",
                example = "seats-unavailable")
        String reason,

        @Schema(description = "Invalid input: each field that is wrong, and why")
        List<FieldError> errors,

        @Schema(description = "Seats already booked by others (seats-unavailable)", example = "[3, 4]")
        List<Integer> unavailableSeats,

        @Schema(description = "Seat numbers that the event does not have", example = "[0, 99]")
        List<Integer> unknownSeats,

        @Schema(description = "Seat numbers chosen more than once", example = "[5]")
        List<Integer> repeatedSeats,

        @Schema(description = "Until when the booking could have been cancelled (past the cutoff)")
        Instant cancellableUntil,

        @Schema(description = "When the ticket was admitted at the door (already-checked-in)")
        Instant checkedInAt,

        @Schema(
                description = "Which rule of SPEC §1 a layout breaks (invalid-layout)",
                example = "row A of Stalls has a seat of category X, which the layout does not define")
        String problem,

        @Schema(description = "How many seats side by side were asked for (no-adjacent-block)", example = "2")
        Integer count,

        @Schema(description = "The seat category asked for (no-adjacent-block)", example = "P")
        String category,

        @Schema(description = "Seats the booking would leave alone in their rows (single-seat)", example = "[13]")
        List<Integer> strandedSeats,

        @Schema(
                description = "Companion seats chosen without a wheelchair space of their row "
                        + "(companion-without-wheelchair)",
                example = "[2]")
        List<Integer> companionSeats,

        @Schema(description = "Too many failed sign-ins: seconds to wait, as in Retry-After", example = "60")
        Integer retryAfterSeconds,

        @Schema(description = "The seats one account may hold for the event (account-limit)", example = "4")
        Integer limit,

        @Schema(
                description = "The seats of the event that your bookings hold already, not cancelled (account-limit)",
                example = "3")
        Integer held) {

    @Schema(name = "FieldError", description = "A field of the request that is wrong")
    record FieldError(
            @Schema(description = "The field's name", requiredMode = RequiredMode.REQUIRED, example = "email")
            String field,

            @Schema(
                    description = "What is wrong with it",
                    requiredMode = RequiredMode.REQUIRED,
                    example = "must be a well-formed email address")
            String message) {}
}
