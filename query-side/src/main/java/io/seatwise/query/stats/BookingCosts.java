package io.seatwise.query.stats;

import io.seatwise.api.stats.FindBookingCost;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A booking's cost for its owner's page and the API: the amount that {@link StatisticsProjection} recorded from the
 * booking's prices when it was made ({@code stats_bookings.amount_cents}), which later price changes never touch and a
 * cancellation keeps.
 */
@Component
class BookingCosts {

    private final JdbcTemplate jdbc;

    BookingCosts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<Long> handle(FindBookingCost query) {
        return jdbc
                .queryForList(
                        "SELECT amount_cents FROM stats_bookings WHERE booking_id = ?",
                        Long.class,
                        query.bookingId().value())
                .stream()
                .findFirst();
    }
}
