package io.seatwise.web.door;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.booking.BookingId;
import io.seatwise.api.event.EventId;
import io.seatwise.web.ApiClient;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.BrowserSession;
import io.seatwise.web.Chromium;
import io.seatwise.web.ticket.TicketCodes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The door page in a real Chromium, signed in as door staff: admitting a typed reference, and admitting from its own
 * list through a lost connection (Chromium's network emulation), then sending the check-ins once it is back.
 */
class DoorBrowserTest extends ApplicationTest {

    @Autowired
    TicketCodes codes;

    private static Chromium steward;

    private String eventId;
    private String reference;

    @BeforeAll
    static void browser() {
        Chromium.assumeInstalled();
        steward = Chromium.start();
        steward.resize(412, 915);
    }

    @AfterAll
    static void closeBrowser() {
        if (steward != null) {
            steward.close();
        }
    }

    @BeforeEach
    void bookedEvent() {
        eventId = eventOnSale("Door Rooms", 3, 6, "Door Concert", 5);
        var booked = api.book(api.newUserToken("Gina Guest"), eventId, List.of(8, 9));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        reference = booked.json().path("reference").asText();
        var email = "steward-" + UUID.randomUUID() + "@example.com";
        var id = api.register(email, ApiClient.USER_PASSWORD, "Steve Steward");
        var staff = api.put("/api/admin/users/" + id + "/role", Map.of("role", "STAFF"), adminToken());
        assertThat(staff.status()).as(staff.body()).isEqualTo(200);
        steward.signIn(api.baseUrl(), email, ApiClient.USER_PASSWORD);
    }

    @AfterEach
    void backOnline() {
        network(true);
    }

    @Test
    void stewardAdmitsATypedReferenceAndTheSecondTimeIsRefused() {
        openDoor();

        type(reference.toLowerCase().replace("-", ""), 9);

        var answer = answer("admitted");
        assertThat(answer.findElement(By.cssSelector("[data-field=label]")).getText())
                .isEqualTo("Main, Row B, Seat 3");
        assertThat(answer.findElement(By.cssSelector("[data-field=holder]")).getText())
                .isEqualTo("Gina Guest");
        steward.screenshot("door-1-admitted");

        type(reference, 9);

        answer = answer("refused");
        assertThat(answer.getAttribute("data-reason")).isEqualTo("already-checked-in");
        assertThat(answer.findElement(By.cssSelector("[data-field=reason]")).getText())
                .startsWith("This ticket was admitted already, at ");
        steward.screenshot("door-2-refused");
        eventually(() -> attendance().equals("{\"booked\":2,\"checkedIn\":1}"));
    }

    @Test
    void offlineDoorAdmitsFromItsListAndSendsTheCheckInWhenBackOnline() {
        openDoor();
        network(false);
        steward.waiting(Duration.ofSeconds(10)).until(driver -> "false".equals(page().getAttribute("data-online")));

        type(reference, 8);

        var answer = answer("admitted");
        assertThat(answer.findElement(By.cssSelector("[data-field=label]")).getText())
                .isEqualTo("Main, Row B, Seat 2");
        assertThat(answer.findElement(By.cssSelector("[data-field=holder]")).getText())
                .isEqualTo("Gina Guest");
        assertThat(answer.findElement(By.cssSelector("[data-field=reason]")).getText())
                .contains("offline");
        assertThat(page().getAttribute("data-queued")).isEqualTo("1");
        steward.screenshot("door-3-offline-admitted");

        type(reference, 8);
        assertThat(answer("refused").getAttribute("data-reason")).isEqualTo("already-checked-in");
        type(reference, 1);
        assertThat(answer("refused").getAttribute("data-reason")).isEqualTo("invalid-code");
        assertThat(attendance()).isEqualTo("{\"booked\":2,\"checkedIn\":0}");

        network(true);

        steward.waiting(Duration.ofSeconds(20)).until(driver -> "0".equals(page().getAttribute("data-queued")));
        eventually(() -> attendance().equals("{\"booked\":2,\"checkedIn\":1}"));
        var list =
                api.get("/api/events/" + eventId + "/door-list", adminToken()).json();
        assertThat(ApiClient.ints(list.path("bookings").get(0).path("checkedIn")))
                .containsExactly(8);
        assertThat(steward.driver().findElements(By.cssSelector("[data-conflict]")))
                .isEmpty();
    }

    @Test
    void ticketAdmittedAtAnotherDoorMeanwhileIsShownAsAConflict() {
        openDoor();
        network(false);
        steward.waiting(Duration.ofSeconds(10)).until(driver -> "false".equals(page().getAttribute("data-online")));
        type(reference, 9);
        answer("admitted");
        var elsewhere = api.post(
                "/api/events/" + eventId + "/check-ins", Map.of("reference", reference, "seat", 9), adminToken());
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);

        network(true);

        var conflict = steward.waiting(Duration.ofSeconds(20))
                .until(driver -> driver.findElements(By.cssSelector("[data-conflict=already-checked-in]")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(conflict.getText()).startsWith("Main, Row B, Seat 3 (Gina Guest) was admitted at another door");
        steward.screenshot("door-4-conflict");
    }

    @Test
    void offlineDoorChecksScannedCodesByTheirSignature() {
        openDoor();
        var bookingId = api.get("/api/events/" + eventId + "/door-list", adminToken())
                .json()
                .path("bookings")
                .get(0)
                .path("bookingId")
                .asText();
        var later = api.book(api.newUserToken("Lena Late"), eventId, List.of(15));
        network(false);
        steward.waiting(Duration.ofSeconds(10)).until(driver -> "false".equals(page().getAttribute("data-online")));

        scan(codes.code(EventId.of(eventId), BookingId.of(bookingId), 8));
        var answer = answer("admitted");
        assertThat(answer.findElement(By.cssSelector("[data-field=label]")).getText())
                .isEqualTo("Main, Row B, Seat 2");
        var forged = codes.code(EventId.of(eventId), BookingId.of(bookingId), 9);
        scan(forged.substring(0, 8) + (forged.charAt(8) == 'A' ? 'B' : 'A') + forged.substring(9));
        assertThat(answer("refused").getAttribute("data-reason")).isEqualTo("invalid-code");
        // booked after the door loaded its list: the signature vouches for it
        var laterId = later.json().path("bookingId").asText();
        scan(codes.code(EventId.of(eventId), BookingId.of(laterId), 15));
        assertThat(answer("admitted")
                        .findElement(By.cssSelector("[data-field=label]"))
                        .getText())
                .isEqualTo("Seat 15");
        assertThat(page().getAttribute("data-queued")).isEqualTo("2");

        network(true);

        steward.waiting(Duration.ofSeconds(20)).until(driver -> "0".equals(page().getAttribute("data-queued")));
        eventually(() -> attendance().equals("{\"booked\":3,\"checkedIn\":2}"));
    }

    @Test
    void adminDashboardShowsAttendanceLiveAndLinksToTheDoor() {
        steward.signIn(api.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        steward.driver().get(api.baseUrl() + "/admin");
        var row = "tr[data-event='" + eventId + "'] ";
        steward.waiting(Duration.ofSeconds(10))
                .until(driver -> !driver.findElements(By.xpath("//table[@id='event-figures']//th[.='Checked in']"))
                                .isEmpty()
                        && "0 of 2"
                                .equals(driver.findElement(By.cssSelector(row + "[data-attendance]"))
                                        .getText()));

        var admitted = api.post(
                "/api/events/" + eventId + "/check-ins", Map.of("reference", reference, "seat", 8), adminToken());
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);

        steward.waiting(Duration.ofSeconds(15))
                .until(driver -> "1 of 2"
                        .equals(driver.findElement(By.cssSelector(row + "[data-attendance]"))
                                .getText()));
        steward.screenshot("door-5-dashboard");
        // the table scrolls sideways on a phone's width: the link is followed rather than clicked
        var door = steward.driver().findElement(By.cssSelector(row + "[data-action=door]"));
        assertThat(door.getAttribute("href")).endsWith("/events/" + eventId + "/door");
        steward.driver().get(door.getAttribute("href"));
        steward.waiting(Duration.ofSeconds(10)).until(driver -> "loaded".equals(page().getAttribute("data-list")));
    }

    @Test
    void plainUserIsRefusedTheDoorPage() {
        var user = BrowserSession.signedInUser(api, "Pat");
        assertThat(user.get("/events/" + eventId + "/door").status()).isEqualTo(403);
    }

    private void openDoor() {
        steward.driver().get(api.baseUrl() + "/events/" + eventId + "/door");
        steward.waiting(Duration.ofSeconds(10)).until(driver -> "loaded".equals(page().getAttribute("data-list")));
    }

    private WebElement page() {
        return steward.driver().findElement(By.cssSelector("main.sw-door"));
    }

    private void type(String typedReference, int seat) {
        var driver = steward.driver();
        // the previous answer is cleared first, so that waiting for the next one cannot find the last
        driver.executeScript("document.querySelector('[data-door=answer]').dataset.answer = ''");
        var field = driver.findElement(By.cssSelector("[data-field=reference]"));
        field.clear();
        field.sendKeys(typedReference);
        var seatField = driver.findElement(By.cssSelector("[data-field=seat]"));
        seatField.clear();
        seatField.sendKeys(String.valueOf(seat));
        driver.findElement(By.cssSelector("[data-action=check-in]")).click();
    }

    /** Hands the page a code as its camera would read it. */
    private void scan(String code) {
        steward.driver()
                .executeScript(
                        "document.querySelector('[data-door=answer]').dataset.answer = '';"
                                + "document.querySelector('main.sw-door')"
                                + ".dispatchEvent(new CustomEvent('door:scan', {detail: arguments[0]}))",
                        code);
    }

    private WebElement answer(String verdict) {
        return steward.waiting(Duration.ofSeconds(10))
                .until(driver ->
                        driver.findElements(By.cssSelector("[data-door=answer][data-answer=" + verdict + "]")).stream()
                                .findFirst()
                                .orElse(null));
    }

    private void network(boolean online) {
        var driver = steward.driver();
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private String attendance() {
        return api.get("/api/events/" + eventId + "/attendance", adminToken())
                .body()
                .replace(" ", "");
    }
}
