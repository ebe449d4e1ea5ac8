package io.seatwise.api.account;

/** What an account may do. */
public enum Role {
    USER,
    ADMIN
}
