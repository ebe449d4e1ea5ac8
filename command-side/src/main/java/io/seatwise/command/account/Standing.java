package io.seatwise.command.account;

import io.seatwise.api.account.Role;

/**
 * What every request of an account must know now, not as it was at sign-in: its role, the version of its credentials
 * (one more with each change or reset of its password; older tokens and sessions name an older one), and whether its
 * address is verified.
 */
public record Standing(Role role, int credentialVersion, boolean emailVerified) {}
