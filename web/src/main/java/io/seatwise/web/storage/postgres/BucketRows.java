package io.seatwise.web.storage.postgres;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.seatwise.web.storage.ThrottleBuckets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The throttles' buckets as rows of {@code throttle_buckets}, one per kind and key, which every node reads and
 * changes under {@code SELECT … FOR UPDATE} (Bucket4j's PostgreSQL proxy manager): a client counts the same whichever
 * node it reaches. Each row says when it is no longer needed; expired rows are deleted every few minutes, by whichever
 * node gets to them first.
 */
final class BucketRows implements AutoCloseable {

    static final Duration CLEANING_INTERVAL = Duration.ofMinutes(5);
    private static final int CLEANED_AT_ONCE = 1_000;
    private static final Logger log = LoggerFactory.getLogger(BucketRows.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(task -> {
        var thread = new Thread(task, "throttle-bucket-cleaner");
        thread.setDaemon(true);
        return thread;
    });

    BucketRows(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("throttle_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ThrottleBuckets.FORGOTTEN_WHEN_FULL)
                .build();
        var interval = CLEANING_INTERVAL.toSeconds();
        cleaner.scheduleWithFixedDelay(this::removeExpired, interval, interval, TimeUnit.SECONDS);
    }

    ProxyManager<String> buckets() {
        return buckets;
    }

    private void removeExpired() {
        try {
            while (buckets.removeExpired(CLEANED_AT_ONCE) == CLEANED_AT_ONCE) {
                // more to delete
            }
        } catch (RuntimeException failure) {
            log.warn("Could not delete expired throttle buckets; trying again later: {}", failure.toString());
        }
    }

    @Override
    public void close() {
        cleaner.shutdownNow();
    }
}
