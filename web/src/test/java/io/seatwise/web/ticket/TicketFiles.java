package io.seatwise.web.ticket;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads the tickets' files back with libraries other than those that wrote them: PDFBox, ZXing's reader, ical4j. */
public final class TicketFiles {

    private TicketFiles() {}

    /** The PDF's text, page by page. */
    public static List<String> pagesText(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            var pages = new ArrayList<String>();
            var stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    /** What each QR code of the PDF holds, page by page, every image of a page decoded. */
    public static List<List<String>> qrCodesPerPage(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            var pages = new ArrayList<List<String>>();
            for (var page : document.getPages()) {
                var codes = new ArrayList<String>();
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        codes.add(decode(image.getImage()));
                    }
                }
                pages.add(codes);
            }
            return pages;
        }
    }

    /** What a {@code data:image/png;base64,…} URL's QR code holds. */
    public static String decodeDataUrl(String dataUrl) throws Exception {
        var prefix = "data:image/png;base64,";
        if (!dataUrl.startsWith(prefix)) {
            throw new AssertionError("Not a PNG data URL: " + dataUrl.substring(0, Math.min(40, dataUrl.length())));
        }
        var image =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUrl.substring(prefix.length()))));
        return decode(image);
    }

    /** What a code in a picture holds, found as a scanner finds it (not read as a known pure code). */
    public static String decode(BufferedImage image) throws NotFoundException, ChecksumException, FormatException {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)))
                .getText();
    }

    /** The calendar's one event, parsed and validated by ical4j, which refuses a calendar that is not valid iCalendar. */
    public static VEvent calendarEvent(String ics) throws IOException, ParserException {
        var calendar = new CalendarBuilder().build(new StringReader(ics));
        var validation = calendar.validate();
        if (validation.hasErrors()) {
            throw new AssertionError("Not valid iCalendar: " + validation.getEntries() + " in " + ics);
        }
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        if (events.size() != 1) {
            throw new AssertionError("Expected one VEVENT, found " + events.size() + " in " + ics);
        }
        return events.get(0);
    }

    /** A property's value as written, such as DTSTART's {@code 20990605T193000Z}. */
    public static String value(VEvent event, String property) {
        return event.getProperty(property)
                .map(found -> found.getValue())
                .orElseThrow(() -> new AssertionError("No " + property + " in the event"));
    }
}
