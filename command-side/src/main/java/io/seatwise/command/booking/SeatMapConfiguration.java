package io.seatwise.command.booking;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps hot seat maps in memory and snapshots them, so that deciding a booking never replays an event's history:
 * the cache holds the aggregate across commands (strongly, unlike Axon's weak-reference cache, which the collector
 * empties under load), and a snapshot every {@link BookingRules#snapshotThreshold()} events bounds what a cold load
 * reads. How a snapshot is taken and stored (the {@link Snapshotter}) is the application's storage's business.
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

    /** Snapshots of an older revision of the seat map are passed over; the map is read from its events instead. */
    @Bean
    SnapshotFilter seatMapSnapshotFilter() {
        return RevisionSnapshotFilter.builder()
                // the aggregate's type as the store records it with each snapshot: its simple name
                .type(SeatMap.class.getSimpleName())
                .revision(SeatMap.class.getAnnotation(Revision.class).value())
                .build();
    }

    @Bean
    SnapshotTriggerDefinition seatMapSnapshotTrigger(Snapshotter snapshotter, BookingRules rules) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, rules.snapshotThreshold());
    }
}
