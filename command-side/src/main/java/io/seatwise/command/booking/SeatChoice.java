package io.seatwise.command.booking;

import io.seatwise.api.CompanionWithoutWheelchair;
import io.seatwise.api.DomainException;
import io.seatwise.api.NoAdjacentBlock;
import io.seatwise.api.SeatsUnavailable;
import io.seatwise.api.SingleSeat;
import io.seatwise.api.booking.BookSeats.BestAvailable;
import io.seatwise.api.venue.SeatLayout;
import java.util.BitSet;
import java.util.List;

/**
 * The seats a booking takes, decided against the seats that no booking may take (booked, or held for the waitlist):
 * the seats chosen, or the best available block. Refused when one of them is taken, when a companion seat comes
 * without a wheelchair space of its row, or, where the event leaves no single seats, when a seat would be left alone.
 * Applies the rules of {@link SeatBlocks} and is as pure, so that the seat map decides it in the command that books.
 */
final class SeatChoice {

    private SeatChoice() {}

    /**
     * The seats to book, ascending: {@code chosen} (checked by {@link SeatRequests#checked}), or when the booking asks
     * for {@code wanted} the best available block instead.
     */
    static List<Integer> seatsToBook(
            List<Integer> chosen, BestAvailable wanted, SeatLayout layout, BitSet unavailable, boolean refuseSingles) {
        var seats = wanted == null
                ? chosen
                : SeatBlocks.bestAvailable(layout, unavailable, wanted, refuseSingles)
                        .orElseThrow(() -> new DomainException(
                                new NoAdjacentBlock(wanted.count(), wanted.category()),
                                "No " + wanted.count() + " seats side by side"
                                        + (wanted.category() == null ? "" : " of category " + wanted.category())
                                        + " are free"));
        var taken = seats.stream().filter(unavailable::get).toList();
        if (!taken.isEmpty()) {
            throw new DomainException(new SeatsUnavailable(taken), "Already booked: " + SeatRequests.describe(taken));
        }
        var companions = SeatBlocks.companionsWithoutWheelchair(layout, seats);
        if (!companions.isEmpty()) {
            throw new DomainException(
                    new CompanionWithoutWheelchair(companions),
                    "A companion seat is booked together with a wheelchair space of its row: "
                            + SeatRequests.describe(companions));
        }
        if (refuseSingles) {
            var stranded = SeatBlocks.stranded(layout, unavailable, seats);
            if (!stranded.isEmpty()) {
                throw new DomainException(
                        new SingleSeat(stranded),
                        "This event does not leave single seats; this booking would leave alone: "
                                + SeatRequests.describe(stranded));
            }
        }
        return seats;
    }
}
