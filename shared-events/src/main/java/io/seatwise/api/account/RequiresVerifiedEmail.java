package io.seatwise.api.account;

/**
 * A command that only an account with a verified address may send: booking, reviewing, joining a waitlist (SPEC §1).
 * The command side refuses it with {@code email-not-verified} while verification is required and the {@link #actor()}
 * has not verified their address, before any aggregate is asked.
 */
public interface RequiresVerifiedEmail {

    /** The account on whose behalf the command is sent. */
    AccountId actor();
}
