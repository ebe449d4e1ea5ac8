package io.seatwise.command.account;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The operators' rules for accounts ({@link AccountRules}). */
@Configuration
@EnableConfigurationProperties(AccountRules.class)
class AccountConfiguration {}
