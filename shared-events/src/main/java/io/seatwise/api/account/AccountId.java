package io.seatwise.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.seatwise.api.Identifiers;
import java.io.Serializable;
import java.util.UUID;

/**
 * Identifies one account; serialized as its plain string value. Serializable too, since a signed-in browser's session
 * holds it, which several nodes keep in their database.
 */
public record AccountId(@JsonValue String value) implements Serializable {

    public AccountId {
        Identifiers.require(value, "account");
    }

    @JsonCreator
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
