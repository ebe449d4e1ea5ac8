package io.seatwise.web.booking;

import io.seatwise.web.api.ApiRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins look a booking up by the reference its booker reads out. */
@RestController
@RequestMapping("/api/admin/bookings")
@Tag(name = "Administration")
class AdminBookingsApiController {

    private final BookingLookup lookup;

    AdminBookingsApiController(BookingLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping("/{reference}")
    @Operation(operationId = "findBookingByReference", summary = "The booking with a reference, such as K7P-3QX-9M2")
    @ApiRefusal(status = 400, when = "Not a booking reference.", examples = "not-a-reference")
    @ApiRefusal(status = 404, when = "No booking has the reference.", examples = "reference-not-found")
    BookingLookup.Found booking(
            @Parameter(description = "In any case, with or without its dashes") @PathVariable String reference) {
        return lookup.find(reference);
    }
}
