package io.seatwise.web.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Every code the server draws is found and read as a scanner finds it: codes of the tickets' length with random
 * contents, since with the encoder's preferred mask pattern about one in sixty such codes defeats the finder-pattern
 * search (which failed a CI run once), so {@link QrCodes} draws those with another mask.
 */
class QrCodesTest {

    @Test
    void everyDrawnCodeReadsBackToItsText() throws Exception {
        var random = new Random(16);
        var base64 = Base64.getUrlEncoder().withoutPadding();
        for (int i = 0; i < 600; i++) {
            var payload = new byte[36];
            var signature = new byte[64];
            random.nextBytes(payload);
            random.nextBytes(signature);
            var text = "SW1." + base64.encodeToString(payload) + "." + base64.encodeToString(signature);

            var image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(text)));

            assertThat(TicketFiles.decode(image)).as("code %d", i).isEqualTo(text);
        }
    }
}
