package io.seatwise.web.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import io.seatwise.web.storage.KeptSecrets;
import io.seatwise.web.ticket.TicketCodes.TicketCode;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketCodesTest {

    private static final EventId EVENT = EventId.of("0b6e4c1e-2f7a-4d33-9a51-3c2f1e0d9b87");
    private static final BookingId BOOKING = BookingId.of("01938f2a-7c4e-7b21-8d3f-5a6b7c8d9e0f");

    private final Map<String, String> kept = new HashMap<>();
    private final KeptSecrets secrets = (name, generated) -> kept.computeIfAbsent(name, any -> generated);
    private final TicketCodes codes = new TicketCodes(secrets);

    @Test
    void aCodeReadsBackAsTheTicketItNames() {
        var code = codes.code(EVENT, BOOKING, 1234);

        assertThat(code).startsWith("SW1.").hasSize(4 + 48 + 1 + 86);
        assertThat(codes.read(code)).contains(new TicketCode(EVENT, BOOKING, 1234));
    }

    @Test
    void thePayloadIsTheEventTheBookingAndTheSeatBigEndian() {
        var code = codes.code(EVENT, BOOKING, 258);

        var payload = Base64.getUrlDecoder().decode(code.substring(4, code.indexOf('.', 4)));
        assertThat(payload).hasSize(36);
        assertThat(payload[0]).isEqualTo((byte) 0x0b);
        assertThat(payload[15]).isEqualTo((byte) 0x87);
        assertThat(payload[16]).isEqualTo((byte) 0x01);
        assertThat(payload[31]).isEqualTo((byte) 0x0f);
        assertThat(new byte[] {payload[32], payload[33], payload[34], payload[35]})
                .containsExactly(0, 0, 1, 2);
    }

    @Test
    void theSignatureVerifiesWithThePublishedKeyAsADoorDeviceChecksIt() throws Exception {
        var code = codes.code(EVENT, BOOKING, 7);
        var parts = code.substring(4).split("\\.");
        var key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(codes.publicKeySpki()));
        var verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(Base64.getUrlDecoder().decode(parts[0]));

        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[1]))).isTrue();
    }

    @Test
    void aFlippedBitInThePayloadIsRefused() {
        var code = codes.code(EVENT, BOOKING, 7);
        var parts = code.substring(4).split("\\.");
        var payload = Base64.getUrlDecoder().decode(parts[0]);
        for (int bit = 0; bit < payload.length * 8; bit++) {
            var altered = payload.clone();
            altered[bit / 8] ^= (byte) (1 << (bit % 8));
            var forged = "SW1." + encode(altered) + "." + parts[1];

            assertThat(codes.read(forged)).as("bit %d flipped", bit).isEmpty();
        }
    }

    @Test
    void aFlippedBitInTheSignatureIsRefused() {
        var code = codes.code(EVENT, BOOKING, 7);
        var parts = code.substring(4).split("\\.");
        var signature = Base64.getUrlDecoder().decode(parts[1]);
        for (int bit = 0; bit < signature.length * 8; bit++) {
            var altered = signature.clone();
            altered[bit / 8] ^= (byte) (1 << (bit % 8));
            var forged = "SW1." + parts[0] + "." + encode(altered);

            assertThat(codes.read(forged)).as("bit %d flipped", bit).isEmpty();
        }
    }

    @Test
    void aCodeSignedByAnotherKeyIsRefused() {
        var otherServer = new TicketCodes((name, generated) -> generated);

        var forged = otherServer.code(EVENT, BOOKING, 7);

        assertThat(otherServer.read(forged)).isPresent();
        assertThat(codes.read(forged)).isEmpty();
    }

    @Test
    void malformedCodesAndOtherVersionsAreRefused() {
        var code = codes.code(EVENT, BOOKING, 7);
        var parts = code.substring(4).split("\\.");

        assertThat(codes.read(null)).isEmpty();
        assertThat(codes.read("")).isEmpty();
        assertThat(codes.read("K7P-3QX-9M2")).isEmpty();
        assertThat(codes.read("SW2." + code.substring(4))).isEmpty();
        assertThat(codes.read(code.substring(4))).isEmpty();
        assertThat(codes.read(code + ".")).isEmpty();
        assertThat(codes.read(code + "A")).isEmpty();
        assertThat(codes.read(code.substring(0, code.length() - 1))).isEmpty();
        assertThat(codes.read("SW1." + parts[0] + "=." + parts[1])).isEmpty();
        // a character outside the URL-safe alphabet ('+' is standard base64's), in place of the signature's first
        assertThat(codes.read("SW1." + parts[0] + ".+" + parts[1].substring(1))).isEmpty();
        assertThat(codes.read("SW1." + parts[1] + "." + parts[0])).isEmpty();
        assertThat(codes.read("SW1.." + parts[1])).isEmpty();
        assertThat(codes.read(code + "x".repeat(10_000))).isEmpty();
    }

    @Test
    void anAlternativeSpellingOfTheSameBytesIsRefused() {
        var code = codes.code(EVENT, BOOKING, 7);
        // 64 bytes end in a base64 character whose last four bits are unused: setting one gives the same bytes
        var last = code.charAt(code.length() - 1);
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        var respelt = code.substring(0, code.length() - 1) + sibling;

        assertThat(codes.read(respelt)).isEmpty();
    }

    @Test
    void theKeyIsGeneratedOnceAndKeptUnderItsName() {
        var spki = codes.publicKeySpki();

        var again = new TicketCodes(secrets);

        assertThat(kept).containsOnlyKeys("ticket-key");
        assertThat(again.publicKeySpki()).isEqualTo(spki);
        assertThat(again.read(codes.code(EVENT, BOOKING, 3))).contains(new TicketCode(EVENT, BOOKING, 3));
    }

    @Test
    void aKeptKeyWhoseHalvesDoNotMatchStopsTheStart() {
        var one = TicketCodes.format(TicketCodes.generate()).split("\\.");
        var other = TicketCodes.format(TicketCodes.generate()).split("\\.");

        assertThatThrownBy(() -> new TicketCodes((name, generated) -> one[0] + "." + other[1]))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new TicketCodes((name, generated) -> "not a key"))
                .isInstanceOf(IllegalStateException.class);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
