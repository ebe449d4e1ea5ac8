package io.seatwise.web.booking;

import static io.seatwise.web.ApiClient.ints;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seatwise.web.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The bookings as the event store holds them, read straight from the SQLite file by another connection than the
 * application's: every {@code SeatsBooked}, less the bookings that a {@code SeatsReleased} gave back. This is the
 * truth that the answers and the read models are checked against.
 */
record StoredBookings(Map<String, Stored> byId) {

    /** One booking as its event says. */
    record Stored(String bookingId, String eventId, String accountId, List<Integer> seats, boolean released) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static StoredBookings read(Path dataDir) throws Exception {
        try (var connection = SqliteFiles.openReadOnly(dataDir)) {
            return read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the event store in " + dataDir, e);
        }
    }

    /** The bookings in the event store of this connection's database (SQLite or PostgreSQL). */
    static StoredBookings read(Connection connection) throws Exception {
        var bookings = new LinkedHashMap<String, Stored>();
        try (var statement = connection.prepareStatement("SELECT payloadType, payload FROM DomainEventEntry"
                        + " WHERE payloadType LIKE '%.SeatsBooked' OR payloadType LIKE '%.SeatsReleased'"
                        + " ORDER BY globalIndex");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                var payload = JSON.readTree(rows.getBytes("payload"));
                var bookingId = payload.get("bookingId").asText();
                if (rows.getString("payloadType").endsWith(".SeatsBooked")) {
                    var earlier = bookings.put(
                            bookingId,
                            new Stored(
                                    bookingId,
                                    payload.get("eventId").asText(),
                                    payload.get("accountId").asText(),
                                    ints(payload.get("seats")),
                                    false));
                    if (earlier != null) {
                        throw new AssertionError("Booking " + bookingId + " is stored twice");
                    }
                } else {
                    bookings.computeIfPresent(
                            bookingId,
                            (id, booked) -> new Stored(id, booked.eventId(), booked.accountId(), booked.seats(), true));
                }
            }
        }
        return new StoredBookings(bookings);
    }

    /** The bookings of these events that are not cancelled. */
    List<Stored> live(Set<String> events) {
        return byId.values().stream()
                .filter(booking -> !booking.released() && events.contains(booking.eventId()))
                .toList();
    }

    /** The booked seats of an event, ascending. */
    List<Integer> bookedSeats(String eventId) {
        return live(Set.of(eventId)).stream()
                .flatMap(booking -> booking.seats().stream())
                .sorted()
                .toList();
    }

    /** The ids of the live bookings of these events that an account holds. */
    Set<String> bookingsOf(String accountId, Set<String> events) {
        return live(events).stream()
                .filter(booking -> booking.accountId().equals(accountId))
                .map(Stored::bookingId)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
