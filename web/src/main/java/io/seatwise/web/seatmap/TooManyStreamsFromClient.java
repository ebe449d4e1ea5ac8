package io.seatwise.web.seatmap;

/** 429: this client holds as many open seat maps as it may; the page falls back to polling. */
final class TooManyStreamsFromClient extends RuntimeException {

    TooManyStreamsFromClient() {
        super("Too many open seat maps from this address; poll instead", null, false, false);
    }
}
