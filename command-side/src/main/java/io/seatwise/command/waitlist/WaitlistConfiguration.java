package io.seatwise.command.waitlist;

import io.seatwise.command.booking.WaitlistRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The waitlist's setting ({@code SEATWISE_WAITLIST_OFFER_TTL}), for the seat map that decides the waitlist. */
@Configuration
@EnableConfigurationProperties(WaitlistRules.class)
class WaitlistConfiguration {}
