package io.seatwise.web.throttle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often one client may try what attackers repeat ({@code SEATWISE_THROTTLE_…}); a client is an address, as
 * {@link TrustedProxies} tells it. Beyond a rate the answer is 429 with Retry-After, until its window has passed.
 *
 * @param wrongPasswords sign-ins with a wrong password for one account from one client; the right password from any
 *     other client still signs in
 * @param signIns sign-in attempts from one client, with any account, right or wrong
 * @param registrations registrations from one client, successful or not
 * @param passwordResets requests for a password reset mail from one client
 */
@ConfigurationProperties("seatwise.throttle")
public record ThrottleProperties(
        @DefaultValue("5/15m") Rate wrongPasswords,
        @DefaultValue("100/15m") Rate signIns,
        @DefaultValue("20/1h") Rate registrations,
        @DefaultValue("10/1h") Rate passwordResets) {}
