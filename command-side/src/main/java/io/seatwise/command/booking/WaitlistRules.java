package io.seatwise.command.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the waitlist treats the people on it, injected into the seat map's command that takes someone onto it.
 *
 * @param offerTtl how long seats offered to an entry are held for it; an entry keeps the value in force when it joined
 */
@ConfigurationProperties("seatwise.waitlist")
public record WaitlistRules(@DefaultValue("30m") Duration offerTtl) {

    public WaitlistRules {
        if (offerTtl == null || offerTtl.isNegative() || offerTtl.isZero()) {
            throw new IllegalArgumentException("seatwise.waitlist.offer-ttl must be positive");
        }
    }

    public static WaitlistRules defaults() {
        return new WaitlistRules(Duration.ofMinutes(30));
    }
}
