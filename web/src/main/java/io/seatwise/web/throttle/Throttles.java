package io.seatwise.web.throttle;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Counts what clients do in Bucket4j's token buckets, one bucket per kind and key (a kind such as {@code sign-in},
 * a key such as the client's address). The buckets are kept where the storage keeps them ({@link ProxyManager}, a
 * bean of the database's configuration): in the database on PostgreSQL, so that every node counts alike, and in
 * memory on SQLite, where one node answers everything. Each bucket is forgotten a little after it would be full again.
 */
@Component
public class Throttles {

    private final ProxyManager<String> buckets;

    Throttles(ProxyManager<String> buckets) {
        this.buckets = buckets;
    }

    /**
     * Takes one request of the kind for the key; answers how long the key must wait when the rate leaves none, and
     * then counts nothing.
     */
    public Optional<Duration> take(String kind, String key, Rate rate) {
        var probe = buckets.builder().build(id(kind, key), rate::bucket).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Forgets what the key has taken of the kind: its next request starts a fresh window. */
    public void forget(String kind, String key) {
        buckets.removeProxy(id(kind, key));
    }

    /** Whole seconds for a Retry-After header, rounded up so that a client which waits that long is let in. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static String id(String kind, String key) {
        return kind + ":" + key;
    }
}
