package io.seatwise.api.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AccountRegistered(
        AccountId accountId, String email, String displayName, Role role, Instant registeredAt) {}
