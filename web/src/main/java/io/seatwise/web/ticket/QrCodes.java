package io.seatwise.web.ticket;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Tickets' codes as QR codes (ZXing), drawn on the server as PNG images: for the PDF, and as {@code data:} URLs for
 * the booking's page, so no script or outside service draws them. Error correction M (15%) survives a creased print;
 * each module is {@value #MODULE_PIXELS} pixels and the code keeps the standard quiet zone of four modules.
 *
 * <p>Every code is read back before it is handed out, the way a scanner finds a code in a picture (ZXing's finder
 * pattern search, which jsQR, the door page's fallback, shares). About one code in sixty, with the mask pattern the
 * encoder prefers, holds data that this search takes for a finder pattern and cannot read; such a code is drawn again
 * with the next mask pattern until it reads, which the first or second always did in a trial of 1,500 codes.
 *
 * <p>The PNG is written through a stream cached in memory. ImageIO's default caches in a temporary file and registers
 * that stream with a JVM shutdown hook that closes it, so a ticket drawn while the server stops came out truncated and
 * its PDF failed ("Error reading PNG image data", seen in {@code CrashSafetyIT}).
 */
public final class QrCodes {

    static final int MODULE_PIXELS = 4;

    private static final int MASK_PATTERNS = 8;

    private QrCodes() {}

    /** The code as a PNG image. */
    public static byte[] png(String text) {
        try {
            var matrix = readable(text);
            var png = new ByteArrayOutputStream();
            try (var out = new MemoryCacheImageOutputStream(png)) {
                ImageIO.write(MatrixToImageWriter.toBufferedImage(matrix), "PNG", out);
            }
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot draw a QR code of " + text.length() + " characters", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The code as a {@code data:image/png;base64,…} URL, for an {@code img} element. */
    public static String dataUrl(String text) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text));
    }

    private static BitMatrix readable(String text) throws WriterException {
        var preferred = draw(text, null);
        if (reads(preferred, text)) {
            return preferred;
        }
        for (int mask = 0; mask < MASK_PATTERNS; mask++) {
            var drawn = draw(text, mask);
            if (reads(drawn, text)) {
                return drawn;
            }
        }
        throw new IllegalStateException("No mask pattern draws a readable code of " + text.length() + " characters");
    }

    private static BitMatrix draw(String text, Integer mask) throws WriterException {
        var hints = new HashMap<EncodeHintType, Object>();
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        var modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        return new QRCodeWriter()
                .encode(
                        text,
                        BarcodeFormat.QR_CODE,
                        modules.getWidth() * MODULE_PIXELS,
                        modules.getHeight() * MODULE_PIXELS,
                        hints);
    }

    private static boolean reads(BitMatrix matrix, String text) {
        var picture = new BufferedImageLuminanceSource(MatrixToImageWriter.toBufferedImage(matrix));
        try {
            var read = new QRCodeReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(picture)),
                            Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)));
            return read.getText().equals(text);
        } catch (ReaderException e) {
            return false;
        }
    }
}
