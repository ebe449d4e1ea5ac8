package io.seatwise.command.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What operators decide about accounts.
 *
 * @param verifyEmail whether an account must verify its address by a mailed link before it may book or review; when
 *     off, nothing is mailed at registration and nothing is refused for it
 */
@ConfigurationProperties("seatwise.accounts")
public record AccountRules(@DefaultValue("true") boolean verifyEmail) {}
