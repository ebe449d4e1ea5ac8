package io.seatwise.api.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The account has a new password: changed by its holder, or {@code reset} by a mailed link. Its older API tokens and
 * other browser sessions stop working (never the hash: no event carries a password or its hash).
 */
@Revision("1")
public record PasswordChanged(AccountId accountId, Instant changedAt, boolean reset) {}
