package io.seatwise.command.booking;

import java.util.concurrent.Executors;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Keeps hot seat maps in memory and snapshots them, so that deciding a booking never replays an event's history:
 * the cache holds the aggregate across commands (strongly, unlike Axon's weak-reference cache, which the collector
 * empties under load), and a snapshot every few hundred events bounds what a cold load reads.
 */
@Configuration
@EnableConfigurationProperties(BookingRules.class)
class SeatMapConfiguration {

    @Bean(destroyMethod = "close")
    CacheManager seatMapCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    @Bean
    Cache seatMapCache(CacheManager seatMapCacheManager, BookingRules rules) {
        var cache = seatMapCacheManager.createCache(
                "seat-maps",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(
                        Object.class, Object.class, ResourcePoolsBuilder.heap(rules.seatMapCacheSize())));
        // Ehcache's own caches are Ehcache instances; the adapter asks for that type
        return new EhCache3Adapter((org.ehcache.core.Ehcache<Object, Object>) cache);
    }

    /**
     * Axon's snapshotter, but taking its snapshots on a thread of its own. By default it snapshots in the committing
     * thread while that thread still holds the seat map's lock, and on SQLite the snapshot's transaction then waits
     * for the write lock that the next booking of the same seat map holds while it waits for the seat map's lock.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(
            org.axonframework.config.Configuration configuration,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            TransactionManager transactionManager,
            SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(Executors.newSingleThreadExecutor(new CustomizableThreadFactory("seat-map-snapshots-")))
                .build();
    }

    @Bean
    SnapshotTriggerDefinition seatMapSnapshotTrigger(Snapshotter snapshotter, BookingRules rules) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, rules.snapshotThreshold());
    }
}
