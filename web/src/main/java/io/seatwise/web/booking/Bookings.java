package io.seatwise.web.booking;

import io.seatwise.api.DomainException;
import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookSeats;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.BookingView;
import io.seatwise.api.booking.FindBookingsOf;
import io.seatwise.api.event.EventId;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Booking as the pages and the API do it: one command to the event's seat map, answered once it is stored. */
@Service
class Bookings {

    private final CommandGateway commands;
    private final QueryGateway queries;

    Bookings(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    BookingId book(String eventId, AccountId accountId, List<Integer> seats) {
        var bookingId = BookingId.random();
        try {
            commands.sendAndWait(new BookSeats(EventId.of(eventId), bookingId, accountId, seats));
        } catch (AggregateNotFoundException e) {
            throw DomainException.notFound("No such event");
        }
        return bookingId;
    }

    List<BookingView> of(AccountId accountId) {
        return queries.query(new FindBookingsOf(accountId), ResponseTypes.multipleInstancesOf(BookingView.class))
                .join();
    }
}
