package io.seatwise.web.seatmap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of live seat maps ({@code SEATWISE_LIVE_MAX_STREAMS}).
 *
 * @param maxStreams how many seat maps may stream at once; browsers beyond it poll every few seconds instead
 */
@ConfigurationProperties("seatwise.live")
public record LiveSeatMapProperties(@DefaultValue("2000") int maxStreams) {}
