package io.seatwise.api;

/**
 * Why a command or query was refused. The web layer maps each code to one HTTP status, so the sides never need to
 * know about HTTP.
 */
public enum ErrorCode {
    /** The request itself is wrong: a value out of range, a seat that does not exist, too many seats. */
    INVALID,
    /** The thing asked for does not exist. */
    NOT_FOUND,
    /** The request is well formed but clashes with the current state: a taken seat, a taken email. */
    CONFLICT,
    /** The caller may not do this to that thing. */
    FORBIDDEN
}
