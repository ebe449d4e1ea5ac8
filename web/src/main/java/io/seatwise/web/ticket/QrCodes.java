package io.seatwise.web.ticket;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/**
 * Tickets' codes as QR codes (ZXing), drawn on the server as PNG images: for the PDF, and as {@code data:} URLs for
 * the booking's page, so no script or outside service draws them. Error correction M (15%) survives a creased print;
 * each module is {@value #MODULE_PIXELS} pixels and the code keeps the standard quiet zone of four modules.
 */
public final class QrCodes {

    static final int MODULE_PIXELS = 4;

    private QrCodes() {}

    /** The code as a PNG image. */
    public static byte[] png(String text) {
        try {
            var hints = Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4);
            var modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
            var matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            modules.getWidth() * MODULE_PIXELS,
                            modules.getHeight() * MODULE_PIXELS,
                            hints);
            var png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
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
}
