package io.seatwise.api.waitlist;

import io.seatwise.api.event.EventId;

/** The open entries of one event's waitlist: {@code waiting} wait for seats, {@code offered} have seats held. */
public record WaitlistLength(EventId eventId, int waiting, int offered) {

    public int total() {
        return waiting + offered;
    }
}
