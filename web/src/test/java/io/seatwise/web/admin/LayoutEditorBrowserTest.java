package io.seatwise.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seatwise.web.ApplicationTest;
import io.seatwise.web.Chromium;
import io.seatwise.web.FutureDates;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admin's layout editor and event form in a real Chromium: painting a hall with the mouse and the keyboard,
 * saving it, finding the same layout in the editor and the API, pasting a changed JSON, and pricing an event per
 * category.
 */
class LayoutEditorBrowserTest extends ApplicationTest {

    private static final String PAINTED = """
            {"categories": [
               {"code": "S", "name": "Standard", "kind": "standard"},
               {"code": "P", "name": "Premium", "kind": "standard"},
               {"code": "W", "name": "Wheelchair", "kind": "wheelchair"}],
             "sections": [
               {"name": "Stalls", "rows": [
                  {"label": "A", "seats": "PPPPPPPP"},
                  {"label": "B", "seats": "SSS.SSSS"},
                  {"label": "C", "seats": "WSS.SSSS"}]},
               {"name": "Circle", "rows": [{"label": "A", "seats": "SSSSSS"}]}]}
            """;

    private static Chromium chromium;

    @Autowired
    private ObjectMapper json;

    @BeforeAll
    static void browser() {
        Chromium.assumeInstalled();
        chromium = Chromium.start();
        // the editor is long; Bootstrap scrolls smoothly, and a click while it scrolls lands elsewhere
        chromium.resize(1280, 2400);
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void adminPaintsAHallSavesItAndEditsItsJson() throws Exception {
        var name = "Corn Exchange " + System.nanoTime();
        chromium.signIn(api.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        chromium.driver().get(api.baseUrl() + "/admin/venues/new");
        find("#name").sendKeys(name);
        find("#city").sendKeys("Derby");
        replace(find("#rows"), "3");
        replace(find("#seatsPerRow"), "8");
        click(find("[data-action=fill-grid]"));
        assertThat(find("[data-capacity]").getText()).isEqualTo("Capacity: 24 seats");

        replace(find("[data-section='0'] [data-field=section-name]"), "Stalls");
        defineCategory("P", "Premium", "standard");
        defineCategory("W", "Wheelchair", "wheelchair");

        click(find("#brush-P"));
        var drag = new Actions(chromium.driver()).clickAndHold(cell(0, 0, 1));
        for (int position = 2; position <= 8; position++) {
            drag.moveToElement(cell(0, 0, position));
        }
        drag.release().perform();
        click(find("#brush-gap"));
        click(cell(0, 1, 4));
        click(cell(0, 2, 4));
        click(find("#brush-S"));
        click(cell(0, 2, 1));
        assertThat(cell(0, 2, 1).getAttribute("data-category")).isEqualTo("S");
        focused().sendKeys("W");
        assertThat(cell(0, 2, 1).getAttribute("data-category")).isEqualTo("W");
        assertThat(cell(0, 2, 1).getAccessibleName()).isEqualTo("Stalls, row C, position 1: Wheelchair");
        focused().sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_UP, Keys.ARROW_UP, Keys.DELETE, Keys.SPACE);
        assertThat(cell(0, 0, 2).getAttribute("data-category")).isEqualTo("S");
        focused().sendKeys("p");
        assertThat(cell(0, 0, 2).getAttribute("data-category")).isEqualTo("P");

        click(find("[data-action=add-section]"));
        replace(find("[data-section='1'] [data-field=section-name]"), "Circle");
        replace(find("[data-section='1'] [data-field=positions]"), "6");

        assertThat(find("[data-capacity]").getText()).isEqualTo("Capacity: 28 seats");
        assertThat(find("[data-count=S]").getText()).isEqualTo("19");
        assertThat(find("[data-count=P]").getText()).isEqualTo("8");
        assertThat(find("[data-count=W]").getText()).isEqualTo("1");
        assertThat(json.readTree(find("#layout").getAttribute("value"))).isEqualTo(json.readTree(PAINTED));
        chromium.screenshot("layout-editor-1-painted");

        click(find("[data-action=save-venue]"));
        chromium.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/admin$"));
        eventually(() -> api.get("/api/venues").body().contains(name));
        var venueId = venueNamed(name);
        assertThat(api.get("/api/venues/" + venueId).json().get("layout")).isEqualTo(json.readTree(PAINTED));

        var edit = By.cssSelector("a[data-action=edit-venue][href$='/admin/venues/" + venueId + "/edit']");
        eventually(() -> {
            chromium.driver().navigate().refresh();
            return !chromium.driver().findElements(edit).isEmpty();
        });
        click(chromium.driver().findElement(edit));
        assertThat(find("h1").getText()).isEqualTo("Edit " + name);
        assertThat(find("[data-capacity]").getText()).isEqualTo("Capacity: 28 seats");
        assertThat(cell(0, 2, 1).getAttribute("data-category")).isEqualTo("W");
        assertThat(cell(0, 1, 4).getAttribute("data-category")).isEqualTo(".");
        click(find("[data-action=copy-layout]"));
        assertThat(find("[data-editor-status]").getText()).isNotBlank();
        var copied = json.readTree(find("#layout").getAttribute("value"));
        assertThat(copied).isEqualTo(json.readTree(PAINTED));

        var changed =
                json.writeValueAsString(copied).replace("Circle", "Balcony").replace("\"SSSSSS\"", "\"SS..SS\"");
        var textarea = find("#layout");
        textarea.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        textarea.sendKeys("{\"categories\": 1}");
        assertThat(find("[data-editor-status]").getText())
                .startsWith("The JSON cannot be read: it needs categories with a one-character code");
        assertThat(find("[data-section='1'] [data-field=section-name]").getAttribute("value"))
                .as("the editor keeps the last layout that could be read")
                .isEqualTo("Circle");
        textarea.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        textarea.sendKeys(changed);
        assertThat(find("[data-section='1'] [data-field=section-name]").getAttribute("value"))
                .isEqualTo("Balcony");
        assertThat(find("[data-capacity]").getText()).isEqualTo("Capacity: 26 seats");
        chromium.screenshot("layout-editor-2-pasted");

        click(find("[data-action=save-venue]"));
        chromium.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/admin$"));
        eventually(() -> api.get("/api/venues/" + venueId).body().contains("Balcony"));
        assertThat(api.get("/api/venues/" + venueId).json().get("layout")).isEqualTo(json.readTree(changed));
    }

    @Test
    void adminSchedulesAnEventWithAPricePerCategory() throws Exception {
        var admin = adminToken();
        var venue = api.post(
                "/api/venues", Map.of("name", "Town Hall", "city", "Leeds", "layout", json.readTree(PAINTED)), admin);
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        var venueId = venue.json().get("id").asText();
        api.createVenue(admin, "Plain Room", 2, 2);
        chromium.signIn(api.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        eventually(() -> api.get("/api/venues").body().contains("Plain Room"));

        chromium.driver().get(api.baseUrl() + "/admin/events/new");
        new Select(find("#venueId")).selectByValue(venueId);
        click(find("#pricing-categories"));
        assertThat(find("#price").isDisplayed()).isFalse();
        assertThat(chromium.driver().findElements(By.cssSelector("[data-venue] input")).stream()
                        .filter(WebElement::isDisplayed)
                        .map(input -> input.getAttribute("data-category")))
                .containsExactly("S", "P", "W");
        find("#title").sendKeys("Gala");
        chromium.driver()
                .executeScript("arguments[0].value = '" + FutureDates.local("01-01T20:00") + "'", find("#startsAt"));
        price(venueId, "S").sendKeys("20");
        price(venueId, "P").sendKeys("35.50");
        price(venueId, "W").sendKeys("10");
        click(find("#single-seat-refuse"));
        chromium.screenshot("event-form-prices");
        click(find("[data-event-form] button[type=submit]"));

        chromium.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/events/"));
        var url = chromium.driver().getCurrentUrl();
        var eventId = url.substring(url.lastIndexOf('/') + 1);
        eventually(() -> api.get("/api/events/" + eventId).status() == 200);
        JsonNode event = api.get("/api/events/" + eventId).json();
        assertThat(event.get("prices")).isEqualTo(json.readTree("{\"S\": 2000, \"P\": 3550, \"W\": 1000}"));
        assertThat(event.get("singleSeatRule").asText()).isEqualTo("refuse");
    }

    private void defineCategory(String code, String name, String kind) {
        click(find("[data-action=add-category]"));
        var added = chromium.driver().findElements(By.cssSelector("[data-category-row]"));
        var row = added.get(added.size() - 1).getAttribute("data-category-row");
        replace(find("[data-category-row='" + row + "'] [data-field=code]"), code);
        replace(find("[data-category-row='" + code + "'] [data-field=name]"), name);
        new Select(find("[data-category-row='" + code + "'] [data-field=kind]")).selectByValue(kind);
    }

    /** Types over a field's value as a person does (select all, type), then leaves it, so that it counts. */
    private static void replace(WebElement field, String value) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
    }

    private WebElement price(String venueId, String code) {
        return find("#" + AdminPageController.categoryPriceField(venueId, code));
    }

    private String venueNamed(String name) {
        return api.get("/api/venues").json().findValues("id").stream()
                .map(JsonNode::asText)
                .filter(id -> api.get("/api/venues/" + id).body().contains(name))
                .findFirst()
                .orElseThrow();
    }

    private static WebElement cell(int section, int row, int position) {
        return find("[data-cell][data-section='" + section + "'][data-row='" + row + "'][data-position='" + position
                + "']");
    }

    /** Clicks a control where it is, without waiting for the page's smooth scrolling. */
    private static void click(WebElement control) {
        chromium.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", control);
        control.click();
    }

    private static WebElement focused() {
        return chromium.driver().switchTo().activeElement();
    }

    private static WebElement find(String css) {
        return chromium.driver().findElement(By.cssSelector(css));
    }
}
