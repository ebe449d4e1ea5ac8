package io.seatwise.web.storage;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;

/**
 * Where the throttles' token buckets live: the {@code ProxyManager<String>} bean (Bucket4j's type, which the
 * throttles use as features use Spring's types) that each database's configuration builds. On SQLite, with one node,
 * in memory ({@link #inMemory()}); on PostgreSQL in the table {@code throttle_buckets}, where every node counts alike
 * ({@code postgres.BucketRows}).
 */
public final class ThrottleBuckets {

    /** How long a bucket is kept after it would be full again: then it is no different from a new one. */
    public static final ExpirationAfterWriteStrategy FORGOTTEN_WHEN_FULL =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));

    /** Buckets kept in memory, at most this many (least used go first). */
    static final int MAX_IN_MEMORY = 100_000;

    private ThrottleBuckets() {}

    /** Buckets in this process's memory: a restart forgets them. */
    public static ProxyManager<String> inMemory() {
        return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(MAX_IN_MEMORY))
                .expirationAfterWrite(FORGOTTEN_WHEN_FULL)
                .build();
    }
}
