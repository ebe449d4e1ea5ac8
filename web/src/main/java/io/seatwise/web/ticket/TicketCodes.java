package io.seatwise.web.ticket;

import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import io.seatwise.web.storage.KeptSecrets;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The codes on tickets, which a door device checks offline with the public key: {@code SW1.} + the payload + {@code .}
 * + its Ed25519 signature, both in base64url without padding. The payload is 36 bytes: the event's id and the
 * booking's id as UUIDs (16 bytes each, most significant half first, big-endian) and the seat number (4 bytes,
 * big-endian). The key pair is generated at the first start and kept under the name {@value #KEPT_AS}
 * ({@link KeptSecrets}: a file of the data directory on SQLite, a row of {@code shared_settings} on PostgreSQL, so
 * every node signs with the same key); a new key makes every ticket issued before it unreadable.
 */
@Component
public class TicketCodes {

    /** A ticket as its code names it. */
    public record TicketCode(EventId eventId, BookingId bookingId, int seat) {}

    static final String KEPT_AS = "ticket-key";

    static final String PREFIX = "SW1.";

    static final int PAYLOAD_BYTES = 16 + 16 + Integer.BYTES;

    private static final String ALGORITHM = "Ed25519";

    /** Ed25519 signatures are always 64 bytes. */
    private static final int SIGNATURE_BYTES = 64;

    /** The longest code that can be one, so that a long string is refused before it is decoded. */
    private static final int MAX_LENGTH = PREFIX.length() + 48 + 1 + 86;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    @Autowired
    TicketCodes(KeptSecrets secrets) {
        this(parse(secrets.keptOr(KEPT_AS, format(generate()))));
    }

    TicketCodes(KeyPair keys) {
        this.privateKey = keys.getPrivate();
        this.publicKey = keys.getPublic();
        var probe = new byte[PAYLOAD_BYTES];
        if (!verifies(probe, sign(probe))) {
            throw new IllegalStateException(
                    "The kept " + KEPT_AS + " holds a public key that is not its private key's");
        }
    }

    /** The code of one seat's ticket. Event and booking ids are UUIDs (every id Seatwise gives is one). */
    public String code(EventId eventId, BookingId bookingId, int seat) {
        var payload = ByteBuffer.allocate(PAYLOAD_BYTES);
        putUuid(payload, UUID.fromString(eventId.value()));
        putUuid(payload, UUID.fromString(bookingId.value()));
        payload.putInt(seat);
        var bytes = payload.array();
        return PREFIX + ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /**
     * The ticket a code names, if the code is one this server signed: empty for anything malformed, of another
     * version, altered, or signed with another key.
     */
    public Optional<TicketCode> read(String code) {
        if (code == null || code.length() > MAX_LENGTH || !code.startsWith(PREFIX)) {
            return Optional.empty();
        }
        var parts = code.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(parts[0]);
            signature = DECODER.decode(parts[1]);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (payload.length != PAYLOAD_BYTES
                || signature.length != SIGNATURE_BYTES
                || !canonical(parts[0], payload)
                || !canonical(parts[1], signature)
                || !verifies(payload, signature)) {
            return Optional.empty();
        }
        var buffer = ByteBuffer.wrap(payload);
        var eventId = new UUID(buffer.getLong(), buffer.getLong());
        var bookingId = new UUID(buffer.getLong(), buffer.getLong());
        return Optional.of(
                new TicketCode(EventId.of(eventId.toString()), BookingId.of(bookingId.toString()), buffer.getInt()));
    }

    /** The public key as X.509 SubjectPublicKeyInfo, which WebCrypto imports as {@code "spki"}. */
    public byte[] publicKeySpki() {
        return publicKey.getEncoded();
    }

    /**
     * Whether the text is the one encoding of the bytes: base64 leaves a few bits of the last character unused, and a
     * code with those bits changed decodes to the same bytes, but it is not the code that was signed.
     */
    private static boolean canonical(String text, byte[] bytes) {
        return ENCODER.encodeToString(bytes).equals(text);
    }

    private byte[] sign(byte[] payload) {
        try {
            var signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(payload);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a ticket with Ed25519", e);
        }
    }

    private boolean verifies(byte[] payload, byte[] signed) {
        try {
            var signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(payload);
            return signature.verify(signed);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void putUuid(ByteBuffer buffer, UUID uuid) {
        buffer.putLong(uuid.getMostSignificantBits());
        buffer.putLong(uuid.getLeastSignificantBits());
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime since 15 has Ed25519", e);
        }
    }

    /**
     * The key pair as kept: the private key (PKCS#8) and the public key (X.509), each in base64, joined by a dot. Both
     * are kept because the JDK cannot derive an Ed25519 public key from its private key.
     */
    static String format(KeyPair keys) {
        var base64 = Base64.getEncoder();
        return base64.encodeToString(keys.getPrivate().getEncoded())
                + "."
                + base64.encodeToString(keys.getPublic().getEncoded());
    }

    static KeyPair parse(String kept) {
        var parts = kept.strip().split("\\.");
        if (parts.length != 2) {
            throw new IllegalStateException("The kept " + KEPT_AS + " is not a private and a public key");
        }
        try {
            var factory = KeyFactory.getInstance(ALGORITHM);
            var base64 = Base64.getDecoder();
            return new KeyPair(
                    factory.generatePublic(new X509EncodedKeySpec(base64.decode(parts[1]))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(parts[0]))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The kept " + KEPT_AS + " is not an Ed25519 key pair", e);
        }
    }
}
