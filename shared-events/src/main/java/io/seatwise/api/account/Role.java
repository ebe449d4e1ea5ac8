package io.seatwise.api.account;

/** What an account may do: book (USER), also check tickets in at the door (STAFF), or run the site (ADMIN). */
public enum Role {
    USER,
    STAFF,
    ADMIN
}
