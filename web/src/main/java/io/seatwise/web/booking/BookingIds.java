package io.seatwise.web.booking;

import io.seatwise.api.booking.BookingId;
import org.springframework.stereotype.Component;

/** Where new bookings get their ids ({@link BookingId#next()}); a bean so that a test can choose the next one. */
@Component
class BookingIds {

    BookingId next() {
        return BookingId.next();
    }
}
