package io.seatwise.web.door;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.door.Attendance;
import io.seatwise.web.api.ApiRefusal;
import io.seatwise.web.security.CurrentAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Door staff and admins check tickets in, watch attendance, and load what a door needs to work offline. */
@RestController
@RequestMapping("/api/events/{id}")
@Tag(name = "Door")
class DoorApiController {

    private final Door door;

    DoorApiController(Door door) {
        this.door = door;
    }

    /** A ticket's code as scanned, or its booking's reference and a seat as typed; {@code at} for a queued one. */
    record CheckInRequest(
            @Schema(description = "The ticket's signed code, as its QR code holds it")
            String code,

            @Schema(description = "A booking reference, such as K7P-3QX-9M2, in any case, with or without dashes")
            String reference,

            @Schema(description = "The seat number, with a reference")
            Integer seat,

            @Schema(
                    description =
                            "When a door admitted the ticket while offline; a time in the future is " + "taken as now")
            Instant at) {

        Door.Ticket ticket(Door door) {
            if (code != null && !code.isBlank()) {
                return door.byCode(code.strip());
            }
            if (reference == null || reference.isBlank()) {
                throw new DomainException(
                        InvalidValue.of("code", Rule.REQUIRED),
                        "Give a ticket's code, or a booking reference and seat");
            }
            if (seat == null) {
                throw new DomainException(InvalidValue.of("seat", Rule.REQUIRED), "Give the seat of the reference");
            }
            return door.byReference(reference, seat);
        }
    }

    @PostMapping("/check-ins")
    @Operation(
            operationId = "checkIn",
            summary = "Admit a ticket at the door",
            description = "Each ticket is admitted once: of any number of simultaneous check-ins of one ticket exactly "
                    + "one answers 200, the others 409 already-checked-in with the time of the admission. holder is "
                    + "the booker's display name.")
    @ApiRefusal(
            status = 400,
            when = "The code is malformed, forged or altered, or the reference and seat name no ticket "
                    + "(invalid-code); the ticket is for another event (wrong-event); neither a code nor a reference "
                    + "and seat were given.",
            examples = {"invalid-code", "wrong-event"})
    @ApiRefusal(status = 404, when = "No such event.", examples = "event-not-found")
    @ApiRefusal(
            status = 409,
            when = "The ticket was admitted already (already-checked-in, with checkedInAt), or its booking is "
                    + "cancelled (cancelled).",
            examples = {"already-checked-in", "cancelled"})
    Door.Admitted checkIn(@PathVariable String id, @RequestBody CheckInRequest request, Authentication authentication) {
        return door.checkIn(id, request.ticket(door), CurrentAccount.of(authentication), request.at());
    }

    @GetMapping("/attendance")
    @Operation(
            operationId = "getAttendance",
            summary = "Seats booked and seats admitted at the door",
            description = "booked counts the seats of live bookings, checkedIn those of them admitted.")
    @ApiRefusal(status = 404, when = "No such event.", examples = "event-not-found")
    Attendance attendance(@PathVariable String id) {
        return door.attendance(id);
    }

    @GetMapping("/door-list")
    @Operation(
            operationId = "getDoorList",
            summary = "What a door needs to admit guests without a connection",
            description = "The tickets' public key (Ed25519, X.509 SubjectPublicKeyInfo, base64) to check codes with, "
                    + "every live booking (its reference, id, holder, seats with their labels in the same order, "
                    + "and those admitted already) and the ids of cancelled bookings.")
    @ApiRefusal(status = 404, when = "No such event.", examples = "event-not-found")
    Door.DoorListResponse doorList(@PathVariable String id) {
        return door.list(id);
    }
}
