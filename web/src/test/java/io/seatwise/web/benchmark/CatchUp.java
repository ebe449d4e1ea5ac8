package io.seatwise.web.benchmark;

import io.seatwise.web.ApiClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How long each read model took to catch up with a storm: every streaming event processor of the server (catalog, seat
 * maps, my bookings, statistics, the mail outbox, …), polled through the operators' page's status
 * ({@code /admin/operations/status}, admins only) until its slowest segment has reached the position that the event
 * store's head had when the storm ended.
 *
 * @param head the event store's head when the storm ended
 * @param backlog how many events each processor was behind at that moment
 * @param times when each processor reached the head, from the storm's last answer
 * @param missing the processors that had not reached it when the wait gave up
 */
record CatchUp(long head, Map<String, Long> backlog, Map<String, Duration> times, Map<String, Long> missing) {

    private static final Duration POLL = Duration.ofMillis(25);

    /**
     * Waits up to {@code timeout} for every processor to reach the head that the store has now, counting from
     * {@code stormEnded} ({@link System#nanoTime()}).
     */
    static CatchUp await(ApiClient api, String adminToken, long stormEnded, Duration timeout) {
        var first = status(api, adminToken);
        long head = first.values().stream().mapToLong(Processor::head).max().orElse(0);
        var backlog = new LinkedHashMap<String, Long>();
        first.forEach((name, processor) -> backlog.put(name, Math.max(0, head - processor.position())));
        var times = new LinkedHashMap<String, Duration>();
        var positions = first;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long now = System.nanoTime();
            positions.forEach((name, processor) -> {
                if (processor.position() >= head) {
                    times.putIfAbsent(name, Duration.ofNanos(now - stormEnded));
                }
            });
            if (times.size() == first.size() || now > deadline) {
                break;
            }
            ServerProcess.sleep(POLL.toMillis());
            positions = status(api, adminToken);
        }
        var behind = positions.values().stream()
                .filter(processor -> !times.containsKey(processor.name()))
                .collect(Collectors.toMap(
                        Processor::name, processor -> head - processor.position(), (a, b) -> a, LinkedHashMap::new));
        return new CatchUp(head, backlog, times, behind);
    }

    /** When the last of them caught up (the timeout's length if one never did). */
    Duration all() {
        return times.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** One line: each processor's time, in the order the server lists them. */
    String describe() {
        var parts = new StringBuilder();
        backlog.forEach((name, behind) -> {
            if (!parts.isEmpty()) {
                parts.append(", ");
            }
            var time = times.get(name);
            parts.append(name)
                    .append(' ')
                    .append(
                            time == null
                                    ? "NOT caught up (" + missing.get(name) + " behind)"
                                    : String.format(java.util.Locale.ROOT, "%.2f s", time.toMillis() / 1e3));
        });
        return parts.toString();
    }

    private record Processor(String name, long position, long head) {}

    private static Map<String, Processor> status(ApiClient api, String adminToken) {
        var response = api.get("/admin/operations/status", adminToken);
        if (response.status() != 200) {
            throw new IllegalStateException("Processor status failed: " + response.status() + " " + response.body());
        }
        var processors = new LinkedHashMap<String, Processor>();
        for (var processor : response.json().get("processors")) {
            var name = processor.get("name").asText();
            processors.put(
                    name,
                    new Processor(
                            name,
                            processor.get("position").asLong(),
                            processor.get("head").asLong()));
        }
        return processors;
    }
}
