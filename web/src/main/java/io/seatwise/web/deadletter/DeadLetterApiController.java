package io.seatwise.web.deadletter;

import io.seatwise.web.api.ApiRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Events that a processing group could not handle, parked in its dead letter queue: list, retry, drop. */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Administration")
class DeadLetterApiController {

    private final DeadLetters deadLetters;

    DeadLetterApiController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(
            operationId = "listDeadLetters",
            summary = "Every processing group with a dead letter queue and the events parked in it, each sequence's"
                    + " in order: the first of a sequence failed, the others wait behind it")
    List<GroupLetters> list() {
        return deadLetters.all();
    }

    @PostMapping("/{id}/retry")
    @Operation(
            operationId = "retryDeadLetter",
            summary = "Hand the letter's sequence to its group's handlers again, from its first letter on: each letter"
                    + " handled leaves the queue, the first that fails again stays with those behind it")
    @ApiRefusal(status = 404, when = "No such dead letter.", examples = "dead-letter-not-found")
    Retried retry(@PathVariable String id) {
        return deadLetters.retry(id);
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "dropDeadLetter",
            summary = "Drop the letter for good: its event is never handled by its group. Later letters of its"
                    + " sequence stay parked until they are retried")
    @ApiResponse(responseCode = "204", description = "Dropped")
    @ApiRefusal(status = 404, when = "No such dead letter.", examples = "dead-letter-not-found")
    ResponseEntity<Void> drop(@PathVariable String id) {
        deadLetters.drop(id);
        return ResponseEntity.noContent().build();
    }
}
