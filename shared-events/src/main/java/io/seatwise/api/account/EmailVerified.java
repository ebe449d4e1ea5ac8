package io.seatwise.api.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The account's address is verified: by its mailed link, or by a password reset, whose link went to the same address.
 * Accounts registered verified ({@link AccountRegistered#emailVerified()}) have no such event.
 */
@Revision("1")
public record EmailVerified(AccountId accountId, Instant verifiedAt) {}
