package io.seatwise.web.storage.postgres;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How nodes that share one PostgreSQL database work together (SEATWISE_CLUSTER_…); unused on SQLite.
 *
 * @param eventPollInterval how often a node looks for events that other nodes stored (its own it sees at once)
 * @param heartbeatInterval how often a node says it is alive and hands claims over to nodes that hold too few
 * @param nodeTimeout how long after its last heartbeat a node no longer counts when claims are shared out
 * @param releaseTime how long a node leaves a segment that it handed over for another node to claim
 * @param commandRetries how often a command is tried again when another node changed its aggregate at the same time
 * @param commandRetryInterval the wait before each such retry
 */
@ConfigurationProperties("seatwise.cluster")
public record ClusterProperties(
        @DefaultValue("100ms") Duration eventPollInterval,
        @DefaultValue("2s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration nodeTimeout,
        @DefaultValue("10s") Duration releaseTime,
        @DefaultValue("10") int commandRetries,
        @DefaultValue("20ms") Duration commandRetryInterval) {}
