package io.seatwise.command.review;

import io.seatwise.api.booking.SeatsReleased;
import io.seatwise.api.review.ReviewId;
import io.seatwise.api.review.ReviewSubject;
import io.seatwise.api.review.WithdrawReview;
import io.seatwise.command.booking.BookingLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reviews fall with the booking (SPEC §1): when a booker cancels a booking, their reviews of its event and of its
 * venue are asked to withdraw, and each {@link Review} decides against the booking ledger whether its author still
 * holds a booking for it; the withdrawal is an event of the review ({@code ReviewWithdrawn}), so every read model and
 * replay agrees on it. Releases that follow an event's cancellation by an admin withdraw nothing: the bookers did not
 * cancel, and what they wrote about the evening they had booked stays.
 *
 * <p>A processing group of its own that is never replayed ({@code @DisallowReplay}): its effects are commands, stored
 * as events, and asking again would decide against today's bookings, not those of the time. For the same reason Axon
 * passes the history over when the processor first starts (its first token is a replay up to the head), so on the
 * upgrade that added it the rule holds from then on: a review whose author had cancelled before stays until that
 * author cancels a booking again. A review that never was, or is gone already, is no error, and asking twice
 * withdraws once.
 *
 * <p>The commands are sent from a thread of their own: sent from the processor's thread, inside its unit of work, Axon
 * would store the review's events in the processor's transaction, which on SQLite writes the read models' file, not
 * the event store's. Each command is stored on its own before the processor moves on, so a crash in between asks
 * again after the restart.
 */
@Component
@ProcessingGroup(ReviewWithdrawals.GROUP)
@DisallowReplay
public class ReviewWithdrawals implements DisposableBean {

    public static final String GROUP = "review-withdrawals";

    private final CommandGateway commands;
    private final BookingLedger ledger;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "review-withdrawals");
        thread.setDaemon(true);
        return thread;
    });

    ReviewWithdrawals(CommandGateway commands, BookingLedger ledger) {
        this.commands = commands;
        this.ledger = ledger;
    }

    @EventHandler
    void on(SeatsReleased event, @SequenceNumber long sequence) {
        if (ledger.releasedWithItsEvent(event.eventId(), sequence)) {
            return;
        }
        var subjects = new ArrayList<ReviewSubject>();
        subjects.add(ReviewSubject.event(event.eventId().value()));
        ledger.venueOf(event.eventId()).ifPresent(venue -> subjects.add(ReviewSubject.venue(venue.value())));
        var withdrawals = subjects.stream()
                .map(subject -> new WithdrawReview(ReviewId.of(subject, event.accountId()), event.bookingId()))
                .toList();
        CompletableFuture.runAsync(() -> send(withdrawals), sender).join();
    }

    private void send(List<WithdrawReview> withdrawals) {
        for (var withdrawal : withdrawals) {
            try {
                commands.sendAndWait(withdrawal);
            } catch (AggregateNotFoundException noReview) {
                // the booker never reviewed it: nothing to withdraw
            }
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }
}
