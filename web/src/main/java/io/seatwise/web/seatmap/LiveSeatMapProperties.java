package io.seatwise.web.seatmap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of live seat maps ({@code SEATWISE_LIVE_MAX_STREAMS}, {@code SEATWISE_LIVE_MAX_STREAMS_PER_CLIENT}).
 *
 * @param maxStreams how many seat maps may stream at once from a node; browsers beyond it poll every few seconds
 *     instead
 * @param maxStreamsPerClient how many of them one client (address) may hold open on a node; beyond it, it polls
 */
@ConfigurationProperties("seatwise.live")
public record LiveSeatMapProperties(
        @DefaultValue("2000") int maxStreams,
        @DefaultValue("20") int maxStreamsPerClient) {}
