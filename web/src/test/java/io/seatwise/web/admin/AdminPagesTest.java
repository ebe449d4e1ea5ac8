package io.seatwise.web.admin;

import static io.seatwise.web.security.WebSliceConfiguration.admin;
import static io.seatwise.web.security.WebSliceConfiguration.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.event.ScheduleEvent;
import io.seatwise.api.event.SingleSeatRule;
import io.seatwise.api.venue.ChangeVenue;
import io.seatwise.api.venue.CreateVenue;
import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.SeatLayout.Category.Kind;
import io.seatwise.api.venue.VenueId;
import io.seatwise.api.venue.VenueView;
import io.seatwise.web.FutureDates;
import io.seatwise.web.event.Catalog;
import io.seatwise.web.security.WebSlice;
import io.seatwise.web.waitlist.Waitlists;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The admin's forms: who may reach them, what they refuse, and how the venue's refusals read. */
@WebSlice({AdminPageController.class, VenueFormController.class})
class AdminPagesTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    Catalog catalog;

    @MockitoBean
    Statistics statistics;

    @MockitoBean
    Waitlists waitlists;

    @Test
    void onlyAdminsReachTheAdminPages() throws Exception {
        mvc.perform(get("/admin/venues/new")).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/admin/venues/new").with(user())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/venues/new").with(admin()))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/venue-form"));
        mvc.perform(post("/admin/venues/new")
                        .param("name", "Guildhall")
                        .param("city", "Derby")
                        .param("rows", "3")
                        .param("seatsPerRow", "3")
                        .with(user())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        verifyNoInteractions(commands);
    }

    @Test
    void aNewVenueLeadsToTheDashboardWithANotice() throws Exception {
        mvc.perform(post("/admin/venues/new")
                        .param("name", "Guildhall")
                        .param("city", "Derby")
                        .param("rows", "3")
                        .param("seatsPerRow", "4")
                        .with(admin())
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin"))
                .andExpect(flash().attribute("notice", "admin.venue.created"));
        verify(commands).sendAndWait(any(CreateVenue.class));
    }

    @Test
    void aVenueFormOutOfRangeIsShownAgainWithoutAnyCommand() throws Exception {
        mvc.perform(post("/admin/venues/new")
                        .param("name", "Guildhall")
                        .param("city", "Derby")
                        .param("rows", "0")
                        .param("seatsPerRow", "4")
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/venue-form"));
        verifyNoInteractions(commands);
    }

    @Test
    void anInvalidLayoutIsShownAgainWithATranslatedLeadAndItsProblem() throws Exception {
        mvc.perform(post("/admin/venues/new")
                        .param("name", "Guildhall")
                        .param("city", "Derby")
                        .param("layout", "{\"categories\": [], \"sections\": []}")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "de")
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/venue-form"))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "Der Saalplan ist so nicht möglich: a layout needs at least one category")));
        verifyNoInteractions(commands);
    }

    @Test
    void aVenueFormWithNeitherLayoutNorGridAsksForOne() throws Exception {
        mvc.perform(post("/admin/venues/new")
                        .param("name", "Guildhall")
                        .param("city", "Derby")
                        .param("layout", " ")
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString("Give a layout, or rows and seats per row for a plain grid.")));
        verifyNoInteractions(commands);
    }

    @Test
    void theEditFormShowsTheLayoutAndSendsTheChange() throws Exception {
        var layout = SeatLayout.grid(2, 3);
        when(catalog.venue("corn-exchange"))
                .thenReturn(new VenueView(VenueId.of("corn-exchange"), "Corn Exchange", "Leeds", layout));
        when(catalog.change(any(ChangeVenue.class)))
                .thenReturn(new VenueView(VenueId.of("corn-exchange"), "Corn Exchange", "Leeds", layout));

        mvc.perform(get("/admin/venues/corn-exchange/edit").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("&quot;SSS&quot;")))
                .andExpect(content().string(Matchers.containsString("Edit Corn Exchange")));
        mvc.perform(post("/admin/venues/corn-exchange/edit")
                        .param("name", "Corn Exchange")
                        .param("city", "Leeds")
                        .param(
                                "layout",
                                "{\"categories\": [{\"code\": \"S\", \"name\": \"Standard\"}],"
                                        + " \"sections\": [{\"name\": \"Main\", \"rows\": [{\"label\": \"A\", \"seats\": \"S.S\"}]}]}")
                        .with(admin())
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin"))
                .andExpect(flash().attribute("notice", "admin.venue.changed"));
        var expected = new SeatLayout(
                List.of(SeatLayout.STANDARD),
                List.of(new SeatLayout.Section("Main", List.of(new SeatLayout.Row("A", "S.S")))));
        verify(catalog).change(new ChangeVenue(VenueId.of("corn-exchange"), "Corn Exchange", "Leeds", expected));
    }

    @Test
    void anEventPricedPerCategorySendsOnePricePerCategory() throws Exception {
        var layout = new SeatLayout(
                List.of(SeatLayout.STANDARD, new SeatLayout.Category("W", "Wheelchair", Kind.WHEELCHAIR)),
                List.of(new SeatLayout.Section("Main", List.of(new SeatLayout.Row("A", "WSS")))));
        when(catalog.venues())
                .thenReturn(List.of(new VenueView(VenueId.of("corn-exchange"), "Corn Exchange", "Leeds", layout)));

        mvc.perform(post("/admin/events/new")
                        .param("venueId", "corn-exchange")
                        .param("title", "Quiz")
                        .param("startsAt", FutureDates.local("01-01T20:00"))
                        .param("pricing", "categories")
                        .param(AdminPageController.categoryPriceField("corn-exchange", "S"), "12.50")
                        .param(AdminPageController.categoryPriceField("corn-exchange", "W"), "0")
                        .param("singleSeatRule", "refuse")
                        .with(admin())
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/events/*"));
        var sent = ArgumentCaptor.forClass(ScheduleEvent.class);
        verify(catalog).schedule(sent.capture());
        assertThat(sent.getValue().prices()).isEqualTo(Map.of("S", 1250L, "W", 0L));
        assertThat(sent.getValue().priceCents()).isNull();
        assertThat(sent.getValue().singleSeatRule()).isEqualTo(SingleSeatRule.REFUSE);
    }

    @Test
    void anEventIsScheduledWithTheLimitPerPersonTheFormAsksFor() throws Exception {
        when(catalog.venues()).thenReturn(List.of());

        mvc.perform(get("/admin/events/new").with(admin()))
                .andExpect(content().string(Matchers.containsString("Seats per person")))
                .andExpect(content()
                        .string(Matchers.matchesRegex("(?s).*name=\"maxSeatsPerAccount\"[^>]*value=\"20\".*")));
        mvc.perform(post("/admin/events/new")
                        .param("venueId", "corn-exchange")
                        .param("title", "Quiz")
                        .param("startsAt", FutureDates.local("01-01T20:00"))
                        .param("price", "5.50")
                        .param("maxSeatsPerAccount", "6")
                        .with(admin())
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/events/*"));

        var sent = ArgumentCaptor.forClass(ScheduleEvent.class);
        verify(catalog).schedule(sent.capture());
        assertThat(sent.getValue().maxSeatsPerAccount()).isEqualTo(6);
    }

    @Test
    void anEventStartingTooFarAheadIsRefusedInEnglishOnTheForm() throws Exception {
        when(catalog.venues()).thenReturn(List.of());
        when(catalog.schedule(any(ScheduleEvent.class)))
                .thenThrow(new DomainException(
                        InvalidValue.atMost("startsAt", Rule.TOO_FAR_AHEAD, 5),
                        "startsAt must be at most 5 years ahead"));

        mvc.perform(post("/admin/events/new")
                        .param("venueId", "corn-exchange")
                        .param("title", "Quiz")
                        .param("startsAt", "2099-01-01T20:00")
                        .param("price", "5.50")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/event-form"))
                .andExpect(content().string(Matchers.containsString("Start: at most 5 years ahead.")));
    }

    @Test
    void anEventFormListsThePriceOfEachCategoryOfEachVenue() throws Exception {
        var layout = new SeatLayout(
                List.of(SeatLayout.STANDARD, new SeatLayout.Category("W", "Wheelchair", Kind.WHEELCHAIR)),
                List.of(new SeatLayout.Section("Main", List.of(new SeatLayout.Row("A", "WSS")))));
        when(catalog.venues())
                .thenReturn(List.of(new VenueView(VenueId.of("corn-exchange"), "Corn Exchange", "Leeds", layout)));

        mvc.perform(get("/admin/events/new").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Wheelchair (1 seat)")))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "name=\"" + AdminPageController.categoryPriceField("corn-exchange", "S") + "\"")));
    }

    @Test
    void anEventInThePastIsRefusedInGermanOnTheForm() throws Exception {
        when(catalog.venues()).thenReturn(List.of());
        when(catalog.schedule(any(ScheduleEvent.class)))
                .thenThrow(new DomainException(
                        InvalidValue.of("startsAt", Rule.NOT_IN_FUTURE), "startsAt must be in the future"));

        mvc.perform(post("/admin/events/new")
                        .param("venueId", "corn-exchange")
                        .param("title", "Quiz")
                        .param("description", "")
                        .param("startsAt", "2001-01-01T20:00")
                        .param("price", "5.50")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "de")
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/event-form"))
                .andExpect(content().string(Matchers.containsString("Beginn: muss in der Zukunft liegen.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("startsAt must be"))));
    }
}
