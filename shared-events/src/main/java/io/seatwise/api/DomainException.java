package io.seatwise.api;

import java.util.Map;

/**
 * A refusal by the domain, carrying an {@link ErrorCode} for the web layer and properties (such as the seats that
 * were taken) that the answer should name.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> properties;

    public DomainException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public DomainException(ErrorCode code, String message, Map<String, Object> properties) {
        super(message, null, false, false);
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public static DomainException invalid(String message) {
        return new DomainException(ErrorCode.INVALID, message);
    }

    public static DomainException notFound(String message) {
        return new DomainException(ErrorCode.NOT_FOUND, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(ErrorCode.CONFLICT, message);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(ErrorCode.FORBIDDEN, message);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
