package io.seatwise.api;

import java.util.Map;

/**
 * A refusal by the domain: the typed {@link Refusal} that the web layer maps (to a status and problem members for the
 * API, to a message in the page's language for the pages), and an English message that the API's problem tells.
 */
public class DomainException extends RuntimeException {

    private final Refusal refusal;

    public DomainException(Refusal refusal, String message) {
        super(message, null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    public ErrorCode code() {
        return refusal.code();
    }

    /** The members beside status and detail that an API problem carries. */
    public Map<String, Object> properties() {
        return refusal.properties();
    }
}
