package io.seatwise.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.AccountLimit;
import io.seatwise.api.AlreadyCheckedIn;
import io.seatwise.api.CompanionWithoutWheelchair;
import io.seatwise.api.InvalidLayout;
import io.seatwise.api.InvalidValue;
import io.seatwise.api.InvalidValue.Rule;
import io.seatwise.api.NoAdjacentBlock;
import io.seatwise.api.Refusal;
import io.seatwise.api.SeatsUnavailable;
import io.seatwise.api.SeatsUnknownOrRepeated;
import io.seatwise.api.SingleSeat;
import io.seatwise.api.TooLateToCancel;
import io.seatwise.api.TooManySeats;
import io.seatwise.web.SeatwiseProperties;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every refusal the domain can give has a message of its own in every language, which names its details. */
class RefusalMessagesTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final List<String> BUNDLES = List.of("messages.properties", "messages_de.properties");
    private static final Instant CUTOFF = Instant.parse("2030-05-01T18:30:00Z");

    private final PageRefusals refusals = new PageRefusals(messageSource(), formats());

    @AfterEach
    void forgetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    /** One of each refusal, with details that a message can be checked for. */
    static List<Refusal> everyRefusal() {
        var all = new ArrayList<Refusal>(Arrays.asList(Refusal.Plain.values()));
        all.add(new SeatsUnavailable(List.of(4, 5)));
        all.add(new SeatsUnknownOrRepeated(List.of(0, 101), List.of(7), 100));
        all.add(new TooManySeats(10, 12));
        all.add(new TooLateToCancel(CUTOFF, Duration.ofHours(24)));
        all.add(new InvalidLayout("row A has no seats"));
        all.add(new NoAdjacentBlock(4, "P"));
        all.add(new SingleSeat(List.of(9)));
        all.add(new CompanionWithoutWheelchair(List.of(2, 3)));
        all.add(new AlreadyCheckedIn(CUTOFF));
        all.add(new AccountLimit(4, 3));
        for (var rule : Rule.values()) {
            all.add(new InvalidValue("title", rule, 1, 200));
        }
        return all;
    }

    @Test
    void theExamplesCoverEveryKindOfRefusal() {
        var covered = everyRefusal().stream()
                .<Class<?>>map(refusal ->
                        refusal instanceof Enum<?> constant ? constant.getDeclaringClass() : refusal.getClass())
                .collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrder(Refusal.class.getPermittedSubclasses());
    }

    @Test
    void everyRefusalHasAMessageInEveryBundle() throws IOException {
        for (var bundle : BUNDLES) {
            var keys = load(bundle).stringPropertyNames();
            for (var refusal : everyRefusal()) {
                assertThat(keys).as("%s in %s", refusal, bundle).contains(PageRefusals.KEY_PREFIX + refusal.reason());
            }
        }
    }

    @Test
    void everyFieldThatARefusalNamesHasANameInEveryBundle() throws IOException {
        var fields = fieldsNamedInTheSources();
        assertThat(fields).contains("title", "email", "password", "rating", "startsAt");
        for (var bundle : BUNDLES) {
            var keys = load(bundle).stringPropertyNames();
            for (var field : fields) {
                assertThat(keys).as("field %s in %s", field, bundle).contains(PageRefusals.FIELD_PREFIX + field);
            }
        }
    }

    @Test
    void messagesNameTheDetailsInEnglish() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(refusals.message(new SeatsUnavailable(List.of(4, 5))))
                .isEqualTo(
                        "Sorry, seats 4, 5 were just booked by someone else. Your other choices are still selected.");
        assertThat(refusals.message(new SeatsUnknownOrRepeated(List.of(0, 101), List.of(), 100)))
                .isEqualTo("Nothing was booked. No such seat: 0, 101 (this event has seats 1 to 100).");
        assertThat(refusals.message(new TooLateToCancel(CUTOFF, Duration.ofHours(24))))
                .isEqualTo("That booking can no longer be cancelled: cancelling was possible until Wed 1 May 2030, "
                        + "19:30.");
        assertThat(refusals.message(InvalidValue.atMost("title", Rule.TOO_LONG, 200)))
                .isEqualTo("Title: at most 200 characters.");
        assertThat(refusals.message(new SingleSeat(List.of(9))))
                .isEqualTo("That choice would leave seat 9 alone between taken seats. Please choose seats that leave "
                        + "no single seat.");
        assertThat(refusals.message(new NoAdjacentBlock(4, null)))
                .isEqualTo("There are no 4 free seats side by side left. Try fewer seats or another category.");
        assertThat(refusals.message(new AccountLimit(4, 3)))
                .isEqualTo("One person may hold at most 4 seats of this event, and you hold 3 already. Nothing was "
                        + "booked.");
        assertThat(refusals.message(InvalidValue.atMost("startsAt", Rule.TOO_FAR_AHEAD, 5)))
                .isEqualTo("Start: at most 5 years ahead.");
    }

    @Test
    void messagesNameTheDetailsInGerman() {
        LocaleContextHolder.setLocale(Locale.GERMAN);
        assertThat(refusals.message(new SeatsUnavailable(List.of(4))))
                .isEqualTo("Leider wurde Platz 4 gerade von jemand anderem gebucht. Ihre übrigen Plätze bleiben "
                        + "ausgewählt.");
        assertThat(refusals.message(new SeatsUnknownOrRepeated(List.of(), List.of(7), 100)))
                .isEqualTo("Es wurde nichts gebucht. Mehrfach gewählt: 7.");
        assertThat(refusals.message(new TooLateToCancel(CUTOFF, Duration.ofHours(24))))
                .isEqualTo("Diese Buchung kann nicht mehr storniert werden: Stornieren war bis Mi. 1 Mai 2030, 19:30 "
                        + "möglich.");
        assertThat(refusals.message(InvalidValue.outOfRange("capacity", 1, 40_000)))
                .isEqualTo("Plätze: muss zwischen 1 und 40.000 liegen.");
        assertThat(refusals.message(new CompanionWithoutWheelchair(List.of(2, 3))))
                .isEqualTo("Begleitplätze 2, 3 können nur zusammen mit einem Rollstuhlplatz derselben Reihe gebucht "
                        + "werden.");
        assertThat(refusals.message(new AccountLimit(20, 18)))
                .isEqualTo("Eine Person kann für diese Veranstaltung höchstens 20 Plätze halten, und Sie halten schon "
                        + "18. Es wurde nichts gebucht.");
        assertThat(refusals.message(InvalidValue.outOfRange("maxSeatsPerAccount", 0, 40_000)))
                .isEqualTo("Plätze pro Person: muss zwischen 0 und 40.000 liegen.");
    }

    @Test
    void noMessageIsLeftWithAPlaceholder() {
        for (var locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            LocaleContextHolder.setLocale(locale);
            for (var refusal : everyRefusal()) {
                assertThat(refusals.message(refusal))
                        .as("%s in %s", refusal, locale)
                        .doesNotContain("{", "}");
            }
        }
    }

    /** The fields named where the sides refuse a value (InvalidValue's factories and the checks of Texts). */
    private static Set<String> fieldsNamedInTheSources() throws IOException {
        var named = Pattern.compile(
                "(?:InvalidValue\\.(?:of|atMost|outOfRange)\\(|Texts\\.(?:required|requiredLine|optional)\\([^,;]+,\\s*)\"(\\w+)\"");
        var fields = new TreeSet<String>();
        for (var module : List.of("../shared-events", "../command-side", ".")) {
            try (Stream<Path> sources = Files.walk(Path.of(module, "src", "main", "java"))) {
                for (var source : sources.filter(path -> path.toString().endsWith(".java"))
                        .toList()) {
                    var matcher = named.matcher(Files.readString(source));
                    while (matcher.find()) {
                        fields.add(matcher.group(1));
                    }
                }
            }
        }
        return fields;
    }

    private static Properties load(String bundle) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static ResourceBundleMessageSource messageSource() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static Formats formats() {
        return new Formats(new SeatwiseProperties(
                null, null, null, null, null, ZoneId.of("Europe/London"), Currency.getInstance("GBP"), null));
    }
}
