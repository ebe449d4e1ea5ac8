package io.seatwise.api.booking;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * What people read out and type instead of a booking's 36-character id: nine characters in groups of three, such as
 * {@code K7P-3QX-9M2}, from an alphabet without look-alikes (no 0 or O, no 1, I or L). A booking's reference follows
 * from its id (the first 64 bits of the id's SHA-256, in base 31), so every booking has had one from the start and no
 * stored event changes. The booking ledger keeps them unique: a new booking whose reference another booking has is
 * made again under another id.
 */
public record BookingReference(String value) {

    /** 31 characters: digits and capitals, without 0/O and 1/I/L. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static final int LENGTH = 9;

    public BookingReference {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("A booking reference is " + LENGTH + " characters of " + ALPHABET);
        }
    }

    public static BookingReference of(BookingId bookingId) {
        var digest = sha256(bookingId.value());
        long bits = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        var characters = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            characters[i] = ALPHABET.charAt((int) Long.remainderUnsigned(bits, ALPHABET.length()));
            bits = Long.divideUnsigned(bits, ALPHABET.length());
        }
        return new BookingReference(new String(characters));
    }

    /**
     * The reference someone typed, in any case, with or without the dashes or spaces between its groups; empty when it
     * cannot be one.
     */
    public static Optional<BookingReference> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var plain = text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (plain.length() != LENGTH || !plain.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new BookingReference(plain));
    }

    /** As people read it: {@code K7P-3QX-9M2}. */
    @JsonValue
    @Override
    public String toString() {
        return value.substring(0, 3) + "-" + value.substring(3, 6) + "-" + value.substring(6);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
