package io.seatwise.web.storage.postgres;

import io.seatwise.web.storage.ConditionalOnPostgreSql;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Spreads the segments of every streaming processor over the nodes that share the database. Axon's processors claim
 * whatever segment is free, so the node that starts first would keep them all. Each node therefore says that it is
 * alive (table {@code cluster_nodes}) every {@code seatwise.cluster.heartbeat-interval}, and a node that holds more
 * segments of a processor than its share (the segments divided by the live nodes, rounded up) hands the surplus
 * back: it releases them for {@code seatwise.cluster.release-time}, long enough for a node with too few to claim
 * them, which that node does at its next heartbeat. A node that stops gives its claims back; one that dies loses them when they time out (Axon's claim timeout,
 * 10 s), and the others then take them over. A replay run (profile {@code replay}) is no node and shares nothing.
 * Processors that keep their positions elsewhere than in the shared token store, such as each node's own live seat
 * maps' processor, are no one else's business and are left alone.
 */
@Component
@ConditionalOnPostgreSql
@Profile("!replay")
class ProcessorBalancer implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ProcessorBalancer.class);

    private final EventProcessingConfiguration processors;
    private final TokenStore tokenStore;
    private final JdbcTemplate jdbc;
    private final ClusterNode node;
    private final ClusterProperties properties;
    private final Clock clock;

    ProcessorBalancer(
            EventProcessingConfiguration processors,
            TokenStore tokenStore,
            JdbcTemplate jdbc,
            ClusterNode node,
            ClusterProperties properties,
            Clock clock) {
        this.processors = processors;
        this.tokenStore = tokenStore;
        this.jdbc = jdbc;
        this.node = node;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::balance, properties.heartbeatInterval());
    }

    void balance() {
        try {
            int nodes = heartbeat();
            processors.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast)
                    .filter(StreamingEventProcessor::isRunning)
                    .filter(processor -> processors.tokenStore(processor.getName()) == tokenStore)
                    .forEach(processor -> handOverSurplus(processor, nodes));
        } catch (RuntimeException e) {
            log.warn("Could not share processor segments with the other nodes: {}", e.toString());
        }
    }

    /** Records that this node is alive and says how many nodes are. */
    private int heartbeat() {
        var now = clock.millis();
        jdbc.update(
                "INSERT INTO cluster_nodes (node_id, seen_at) VALUES (?, ?)"
                        + " ON CONFLICT (node_id) DO UPDATE SET seen_at = excluded.seen_at",
                node.id(),
                now);
        jdbc.update(
                "DELETE FROM cluster_nodes WHERE seen_at < ?",
                now - 10 * properties.nodeTimeout().toMillis());
        Integer live = jdbc.queryForObject(
                "SELECT count(*) FROM cluster_nodes WHERE seen_at >= ?",
                Integer.class,
                now - properties.nodeTimeout().toMillis());
        return live == null ? 1 : Math.max(1, live);
    }

    private void handOverSurplus(StreamingEventProcessor processor, int nodes) {
        var claimed = processor.processingStatus().keySet();
        int segments = tokenStore.fetchSegments(processor.getName()).length;
        int share = (segments + nodes - 1) / nodes;
        if (claimed.size() < share) {
            takeUnclaimed(processor, share - claimed.size());
            return;
        }
        claimed.stream()
                .sorted(Comparator.reverseOrder())
                .limit(Math.max(0, claimed.size() - share))
                .forEach(segment -> {
                    log.info(
                            "Handing segment {} of {} over to another node ({} nodes, {} segments)",
                            segment,
                            processor.getName(),
                            nodes,
                            segments);
                    processor.releaseSegment(segment, properties.releaseTime().toMillis(), TimeUnit.MILLISECONDS);
                });
    }

    /**
     * Claims segments that no node holds, such as those another node has just handed over, at once rather than when
     * the processor next looks for them (every five seconds).
     */
    private void takeUnclaimed(StreamingEventProcessor processor, int wanted) {
        jdbc
                .queryForList(
                        "SELECT segment FROM TokenEntry WHERE processorName = ? AND owner IS NULL ORDER BY segment",
                        Integer.class,
                        processor.getName())
                .stream()
                .limit(wanted)
                .forEach(processor::claimSegment);
    }

    /** Says goodbye, so that the others need not wait for this node's heartbeat to run out. */
    @PreDestroy
    void leave() {
        try {
            jdbc.update("DELETE FROM cluster_nodes WHERE node_id = ?", node.id());
        } catch (RuntimeException e) {
            log.debug("Could not sign off from the other nodes", e);
        }
    }
}
