package io.seatwise.web.door;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.QRCodeWriter;
import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.Chromium;
import io.seatwise.web.ticket.TicketCodes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The door page's camera in a real Chromium whose camera is a fake one showing a ticket's QR code (a Y4M video that
 * Chromium plays as the camera's picture): the page decodes the code from the camera's frames and admits the ticket.
 */
class DoorCameraBrowserTest extends ApplicationTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    @Autowired
    TicketCodes codes;

    @Test
    void cameraReadsATicketsQrCodeAndAdmitsIt() throws Exception {
        Chromium.assumeInstalled();
        var eventId = eventOnSale("Camera Rooms", 2, 5, "Camera Night", 5);
        var booked = api.book(api.newUserToken("Carla Camera"), eventId, List.of(4));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        var code = codes.code(
                EventId.of(eventId),
                BookingId.of(booked.json().path("bookingId").asText()),
                4);
        var video = Files.createTempFile("door-camera-", ".y4m");
        Files.write(video, y4m(code));
        var email = "camera-" + UUID.randomUUID() + "@example.com";
        var id = api.register(email, ApiClient.USER_PASSWORD, "Cam Steward");
        assertThat(api.put("/api/admin/users/" + id + "/role", Map.of("role", "STAFF"), adminToken())
                        .status())
                .isEqualTo(200);

        try (var steward = Chromium.start(List.of(
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video))) {
            steward.resize(412, 915);
            steward.signIn(api.baseUrl(), email, ApiClient.USER_PASSWORD);
            steward.driver().get(api.baseUrl() + "/events/" + eventId + "/door");

            var answer = steward.waiting(Duration.ofSeconds(20))
                    .until(driver ->
                            driver.findElements(By.cssSelector("[data-door=answer][data-answer=admitted]")).stream()
                                    .findFirst()
                                    .orElse(null));
            assertThat(answer.findElement(By.cssSelector("[data-field=label]")).getText())
                    .isEqualTo("Main, Row A, Seat 4");
            assertThat(answer.findElement(By.cssSelector("[data-field=holder]")).getText())
                    .isEqualTo("Carla Camera");
            steward.screenshot("door-6-camera");
        } finally {
            Files.deleteIfExists(video);
        }
        eventually(() -> api.get("/api/events/" + eventId + "/attendance", adminToken())
                .body()
                .replace(" ", "")
                .equals("{\"booked\":1,\"checkedIn\":1}"));
    }

    /** One grey frame (4:2:0) with the code's QR code, black on white, in its middle, as a Y4M video. */
    private static byte[] y4m(String code) throws Exception {
        var size = 400;
        var matrix =
                new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, size, size, Map.of(EncodeHintType.MARGIN, 4));
        var luma = new byte[WIDTH * HEIGHT];
        Arrays.fill(luma, (byte) 255);
        int left = (WIDTH - size) / 2;
        int top = (HEIGHT - size) / 2;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (matrix.get(x, y)) {
                    luma[(top + y) * WIDTH + left + x] = 0;
                }
            }
        }
        var chroma = new byte[WIDTH * HEIGHT / 4];
        Arrays.fill(chroma, (byte) 128);
        var out = new ByteArrayOutputStream();
        out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F30:1 Ip A1:1 C420jpeg\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
        out.write(luma);
        out.write(chroma);
        out.write(chroma);
        return out.toByteArray();
    }
}
