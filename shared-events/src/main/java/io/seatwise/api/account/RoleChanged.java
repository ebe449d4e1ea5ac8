package io.seatwise.api.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The account's role from now on; the role it was registered with stays in {@link AccountRegistered}. */
@Revision("1")
public record RoleChanged(AccountId accountId, Role role, AccountId changedBy, Instant changedAt) {}
