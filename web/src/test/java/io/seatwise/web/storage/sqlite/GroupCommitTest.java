package io.seatwise.web.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Bookings that wait for SQLite's writer are stored together, in one transaction, each still decided on its own; a
 * batch that fails as a whole is decided again command by command. The test holds the writer itself so that the
 * bookings it sends meanwhile are sure to queue up and form one batch. The bookings go through the API, and so
 * through Axon's command gateway, in front of whose bus the SQLite configuration puts the group commit.
 */
class GroupCommitTest extends ApplicationTest {

    @Autowired
    private GroupCommit groupCommit;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private MeterRegistry meters;

    @Test
    void bookingsThatWaitedTogetherAreStoredTogetherEachDecidedOnItsOwn() {
        var event = eventOnSale("Group Hall", 2, 10, "Together", 3);
        var tokens = newUsers("Guest", 6);
        long batchesBefore = batches();
        var requests = oneSeatEach(tokens.subList(0, 5), event);
        // the same seat as the first: only one of the two can have it, whichever the batch decides first
        requests.add(() -> api.book(tokens.get(5), event, List.of(1)));

        var answers = sendWhileTheWriterIsHeld(requests);

        assertThat(batches()).as("one more batch").isEqualTo(batchesBefore + 1);
        assertThat(meters.get("seatwise.group.commit.commands").summary().max()).isGreaterThanOrEqualTo(6);
        assertThat(answers.stream().map(ApiClient.Response::status))
                .containsExactlyInAnyOrder(201, 201, 201, 201, 201, 409);
        eventually(() -> api.seatMapShows(event, List.of(1, 2, 3, 4, 5)));
        eventually(() -> api.event(event)
                .map(summary -> summary.get("booked").asInt() == 5)
                .orElse(false));
    }

    @Test
    void aBatchThatFailsIsDecidedAgainCommandByCommandSoOnlyTheFailingRequestFails() {
        var event = eventOnSale("Retry Hall", 2, 10, "Again", 3);
        var tokens = newUsers("Retry", 4);
        double failedBefore =
                meters.get("seatwise.group.commit.failed").counter().count();
        var requests = oneSeatEach(tokens, event);
        // no seat map has this id: Axon fails the command, which fails the batch it was in
        var nowhere = UUID.randomUUID().toString();
        requests.add(() -> api.book(tokens.get(0), nowhere, List.of(1)));

        var answers = sendWhileTheWriterIsHeld(requests);

        assertThat(meters.get("seatwise.group.commit.failed").counter().count()).isEqualTo(failedBefore + 1);
        assertThat(answers.stream().map(ApiClient.Response::status)).containsExactly(201, 201, 201, 201, 404);
        eventually(() -> api.seatMapShows(event, List.of(1, 2, 3, 4)));
        eventually(() -> api.event(event)
                .map(summary -> summary.get("booked").asInt() == 4)
                .orElse(false));
    }

    @Test
    void commandsOfEveryKindThatWaitedTogetherAreStoredTogether() {
        var admin = adminToken();
        var venue = api.createVenue(admin, "Mixed Hall", 2, 10);
        var event = api.scheduleEvent(admin, venue, "Mixed", inDays(3));
        var guest = api.newUserToken("Mixed guest");
        long batchesBefore = batches();
        var requests = new ArrayList<Supplier<ApiClient.Response>>();
        requests.add(() -> api.post(
                "/api/users",
                Map.of(
                        "email",
                        "mixed-" + UUID.randomUUID() + "@example.com",
                        "password",
                        ApiClient.USER_PASSWORD,
                        "displayName",
                        "Mixed")));
        requests.add(() -> api.post(
                "/api/venues", Map.of("name", "Mixed Annex", "city", "Testville", "rows", 1, "seatsPerRow", 5), admin));
        requests.add(() -> api.post(
                "/api/events",
                Map.of(
                        "venueId",
                        venue,
                        "title",
                        "Mixed Encore",
                        "description",
                        "Again",
                        "startsAt",
                        inDays(4).toString(),
                        "priceCents",
                        900),
                admin));
        requests.add(() -> api.book(guest, event, List.of(7)));

        var answers = sendWhileTheWriterIsHeld(requests);

        assertThat(batches()).as("one more batch").isEqualTo(batchesBefore + 1);
        assertThat(answers.stream().map(ApiClient.Response::status)).containsExactly(201, 201, 201, 201);
        eventually(() -> api.seatMapShows(event, List.of(7)));
        var newEvent = answers.get(2).json().get("id").asText();
        eventually(() -> api.event(newEvent).isPresent());
    }

    private List<String> newUsers(String name, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> api.newUserToken(name + " " + i))
                .toList();
    }

    /** The i-th token books seat i + 1. */
    private List<Supplier<ApiClient.Response>> oneSeatEach(List<String> tokens, String event) {
        var requests = new ArrayList<Supplier<ApiClient.Response>>();
        for (int i = 0; i < tokens.size(); i++) {
            var token = tokens.get(i);
            var seats = List.of(i + 1);
            requests.add(() -> api.book(token, event, seats));
        }
        return requests;
    }

    private long batches() {
        return meters.get("seatwise.group.commit.commands").summary().count();
    }

    /**
     * Holds SQLite's writer in a transaction of its own while the requests are sent, until all but one of them wait
     * in the group commit's queue (the first waits for the writer, as the batch's leader); then lets go.
     */
    private List<ApiClient.Response> sendWhileTheWriterIsHeld(List<Supplier<ApiClient.Response>> requests) {
        var threads = Executors.newCachedThreadPool();
        try {
            List<CompletableFuture<ApiClient.Response>> answers;
            try (var held = HeldWriter.take(transactions)) {
                answers = requests.stream()
                        .map(request -> CompletableFuture.supplyAsync(request, threads))
                        .toList();
                eventually(() -> groupCommit.waiting() == requests.size() - 1);
            }
            return answers.stream().map(CompletableFuture::join).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            threads.shutdown();
        }
    }
}
