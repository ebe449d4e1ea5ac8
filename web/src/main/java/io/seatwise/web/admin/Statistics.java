package io.seatwise.web.admin;

import io.seatwise.api.stats.DailyBookings;
import io.seatwise.api.stats.FindDailyBookings;
import io.seatwise.api.stats.FindStatistics;
import io.seatwise.api.stats.FindVenueStatistics;
import io.seatwise.api.stats.StatisticsView;
import io.seatwise.api.stats.VenueStatistics;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** The admins' figures as the dashboard and the API read them. */
@Service
class Statistics {

    private final QueryGateway queries;

    Statistics(QueryGateway queries) {
        this.queries = queries;
    }

    StatisticsView overall() {
        return queries.query(new FindStatistics(), StatisticsView.class).join();
    }

    List<VenueStatistics> venues() {
        return queries.query(new FindVenueStatistics(), ResponseTypes.multipleInstancesOf(VenueStatistics.class))
                .join();
    }

    List<DailyBookings> daily() {
        return queries.query(new FindDailyBookings(), ResponseTypes.multipleInstancesOf(DailyBookings.class))
                .join();
    }
}
