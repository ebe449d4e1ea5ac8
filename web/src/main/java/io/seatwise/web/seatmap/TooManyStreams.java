package io.seatwise.web.seatmap;

/** 503: this node holds as many open seat maps as it may; the page falls back to polling. */
final class TooManyStreams extends RuntimeException {

    TooManyStreams() {
        super("Too many open seat maps; poll instead", null, false, false);
    }
}
