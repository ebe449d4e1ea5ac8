package io.seatwise.web.ticket;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Tickets' codes as QR codes (ZXing), drawn on the server: as PNG images for {@code data:} URLs on the booking's page,
 * so no script or outside service draws them, and as raw black-and-white pixels for the PDF. Error correction M (15%)
 * survives a creased print; each module is {@value #MODULE_PIXELS} pixels and the code keeps the standard quiet zone
 * of four modules.
 *
 * <p>Every code is read back before it is handed out, the way a scanner finds a code in a picture (ZXing's finder
 * pattern search, which jsQR, the door page's fallback, shares). About one code in sixty, with the mask pattern the
 * encoder prefers, holds data that this search takes for a finder pattern and cannot read; such a code is drawn again
 * with the next mask pattern until it reads, which the first or second always did in a trial of 1,500 codes.
 *
 * <p>A code is encoded once and its modules drawn here, and it is read back from its pixels as they are: a postman
 * that encoded each code twice and went through {@code java.awt} images to read it back and again to draw it spent
 * most of a confirmation's time on its codes. The PNG is written through a stream cached in memory. ImageIO's default
 * caches in a temporary file and registers that stream with a JVM shutdown hook that closes it, so a ticket drawn while
 * the server stops came out truncated and its PDF failed ("Error reading PNG image data", seen in
 * {@code CrashSafetyIT}).
 */
public final class QrCodes {

    static final int MODULE_PIXELS = 4;

    private static final int QUIET_ZONE_MODULES = 4;
    private static final int MASK_PATTERNS = 8;

    private QrCodes() {}

    /** The code as a PNG image. */
    public static byte[] png(String text) {
        var pixels = pixels(text);
        var image = new BufferedImage(pixels.getWidth(), pixels.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        var bits = whiteBits(pixels);
        System.arraycopy(bits, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), 0, bits.length);
        var png = new ByteArrayOutputStream();
        try (var out = new MemoryCacheImageOutputStream(png)) {
            ImageIO.write(image, "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** The code as a {@code data:image/png;base64,…} URL, for an {@code img} element. */
    public static String dataUrl(String text) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text));
    }

    /** The code's pixels, {@code true} for black, a readable code at {@value #MODULE_PIXELS} pixels a module. */
    static BitMatrix pixels(String text) {
        try {
            var preferred = draw(text, -1);
            if (reads(preferred, text)) {
                return preferred;
            }
            for (int mask = 0; mask < MASK_PATTERNS; mask++) {
                var drawn = draw(text, mask);
                if (reads(drawn, text)) {
                    return drawn;
                }
            }
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot draw a QR code of " + text.length() + " characters", e);
        }
        throw new IllegalStateException("No mask pattern draws a readable code of " + text.length() + " characters");
    }

    /**
     * The pixels one bit each, 1 for white, the leftmost pixel of eight in the highest bit and each row padded to whole
     * bytes: how both a binary {@link BufferedImage} (black 0, white 1) and a PDF's one-bit grey image hold them.
     */
    static byte[] whiteBits(BitMatrix pixels) {
        int rowBytes = (pixels.getWidth() + 7) / 8;
        var bits = new byte[rowBytes * pixels.getHeight()];
        for (int y = 0; y < pixels.getHeight(); y++) {
            for (int x = 0; x < pixels.getWidth(); x++) {
                if (!pixels.get(x, y)) {
                    bits[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        return bits;
    }

    /** Encodes the text with the mask pattern given, or the encoder's choice for -1, and draws its modules. */
    private static BitMatrix draw(String text, int mask) throws WriterException {
        var hints = mask < 0
                ? Map.<EncodeHintType, Object>of()
                : Map.<EncodeHintType, Object>of(EncodeHintType.QR_MASK_PATTERN, mask);
        var modules = Encoder.encode(text, ErrorCorrectionLevel.M, hints).getMatrix();
        int side = (modules.getWidth() + 2 * QUIET_ZONE_MODULES) * MODULE_PIXELS;
        var pixels = new BitMatrix(side, side);
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y) == 1) {
                    pixels.setRegion(
                            (x + QUIET_ZONE_MODULES) * MODULE_PIXELS,
                            (y + QUIET_ZONE_MODULES) * MODULE_PIXELS,
                            MODULE_PIXELS,
                            MODULE_PIXELS);
                }
            }
        }
        return pixels;
    }

    private static boolean reads(BitMatrix pixels, String text) {
        try {
            var read = new QRCodeReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(new Luminance(pixels))),
                            Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)));
            return read.getText().equals(text);
        } catch (ReaderException e) {
            return false;
        }
    }

    /** Black-and-white pixels as a scanner's grey picture: black 0, white 255. */
    private static final class Luminance extends LuminanceSource {

        private final BitMatrix pixels;

        Luminance(BitMatrix pixels) {
            super(pixels.getWidth(), pixels.getHeight());
            this.pixels = pixels;
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            var line = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
            for (int x = 0; x < getWidth(); x++) {
                line[x] = pixels.get(x, y) ? 0 : (byte) 255;
            }
            return line;
        }

        @Override
        public byte[] getMatrix() {
            var matrix = new byte[getWidth() * getHeight()];
            var row = new byte[getWidth()];
            for (int y = 0; y < getHeight(); y++) {
                System.arraycopy(getRow(y, row), 0, matrix, y * getWidth(), getWidth());
            }
            return matrix;
        }
    }
}
