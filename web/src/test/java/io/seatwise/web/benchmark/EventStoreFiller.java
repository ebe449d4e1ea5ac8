package io.seatwise.web.benchmark;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.booking.SeatsBooked;
import io.seatwise.api.event.EventId;
import io.seatwise.api.event.EventScheduled;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.VenueId;
import io.seatwise.command.StoredMessages;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;

/**
 * Grows a stopped application's event store to a given size for the replay benchmark: more sold-out events at the
 * benchmark's venue, one seat map each, written as the application writes them (the same event classes, serializer
 * and table), so that the replay does the work a real history of that size asks for.
 */
final class EventStoreFiller {

    private static final int BATCH = 10_000;

    private final Serializer serializer = StoredMessages.serializer();
    private final byte[] noMetaData;

    EventStoreFiller() {
        noMetaData =
                serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
    }

    /** Appends events until the store holds {@code total}; returns how many it holds then. */
    long fillTo(Path dataDir, long total, String venueId, List<String> accountIds, int rows, int seatsPerRow)
            throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("seatwise.db"))) {
            connection.setAutoCommit(false);
            long stored = count(connection);
            try (var insert = connection.prepareStatement("INSERT INTO DomainEventEntry (aggregateIdentifier,"
                    + " sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType,"
                    + " timeStamp) VALUES (?, ?, 'SeatMap', ?, ?, ?, ?, ?, ?)")) {
                int capacity = rows * seatsPerRow;
                int pending = 0;
                for (int event = 0; stored < total; event++) {
                    var eventId = new EventId(UUID.randomUUID().toString());
                    var startsAt = Instant.now().plus(Duration.ofDays(60 + event));
                    append(
                            insert,
                            eventId,
                            0,
                            new EventScheduled(
                                    eventId,
                                    new VenueId(venueId),
                                    "Replay night " + (event + 1),
                                    "Filled in for the replay benchmark",
                                    startsAt,
                                    Map.of("S", 2500L),
                                    SeatLayout.grid(rows, seatsPerRow),
                                    SingleSeatRule.ALLOW));
                    stored++;
                    for (int seat = 1; seat <= capacity && stored < total; seat++) {
                        var booked = new SeatsBooked(
                                eventId,
                                BookingId.next(),
                                new AccountId(accountIds.get(seat % accountIds.size())),
                                List.of(seat),
                                Instant.now(),
                                Map.of("S", 2500L));
                        append(insert, eventId, seat, booked);
                        stored++;
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            connection.commit();
                            pending = 0;
                        }
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            return count(connection);
        }
    }

    private void append(PreparedStatement insert, EventId aggregate, long sequence, Object payload)
            throws SQLException {
        var serialized = serializer.serialize(payload, byte[].class);
        insert.setString(1, aggregate.value());
        insert.setLong(2, sequence);
        insert.setString(3, UUID.randomUUID().toString());
        insert.setBytes(4, noMetaData);
        insert.setBytes(5, serialized.getData());
        insert.setString(6, serialized.getType().getRevision());
        insert.setString(7, serialized.getType().getName());
        insert.setString(8, DateTimeUtils.formatInstant(Instant.now()));
        insert.addBatch();
    }

    static long count(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT count(*) FROM DomainEventEntry")) {
            result.next();
            return result.getLong(1);
        }
    }
}
