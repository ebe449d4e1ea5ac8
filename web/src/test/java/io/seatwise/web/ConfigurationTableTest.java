package io.seatwise.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The README's configuration table against the code: every setting of every {@code @ConfigurationProperties} record
 * has a row, and each default it shows is the one the application binds (the record's {@code @DefaultValue}, or
 * {@code application.yml}). Records are found by scanning, so a new one, or one moved to another package, is checked
 * too.
 */
class ConfigurationTableTest {

    private static final Path README = Path.of("..", "README.md");

    /** Variable name → the default shown in its row, without backticks; "" where the row shows none by value. */
    private static Map<String, String> table;

    @BeforeAll
    static void readTable() throws IOException {
        table = new HashMap<>();
        boolean inTable = false;
        for (var line : Files.readAllLines(README)) {
            if (line.startsWith("| variable | default | meaning |")) {
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                break;
            } else if (inTable && !line.startsWith("|---")) {
                var cells = line.split(" \\| ");
                var names = cells[0].substring(1).trim().replace("`", "").split(", ");
                var defaults = cells[1].replace("`", "").split(", ");
                for (int i = 0; i < names.length; i++) {
                    table.put(names[i], names.length == defaults.length ? defaults[i].trim() : "");
                }
            }
        }
        assertThat(table).as("the configuration table in " + README).isNotEmpty();
    }

    @Test
    void everyBoundSettingHasARowWithItsDefault() throws Exception {
        var settings = new HashMap<String, String>();
        assertThat(collectAll(settings)).as("@ConfigurationProperties records").isGreaterThanOrEqualTo(5);
        settings.forEach((name, defaultValue) -> {
            assertThat(table).as("a row for " + name).containsKey(name);
            if (defaultValue != null) {
                assertThat(table.get(name)).as("the default of " + name).isEqualTo(defaultValue);
            }
        });
    }

    @Test
    void everyRowOfSeatwiseOrApplicationYmlShowsTheDefaultTheApplicationHas() throws Exception {
        var bound = new HashMap<String, String>();
        collectAll(bound);
        var yml = new HashMap<String, String>();
        for (var source :
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
            for (var key : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                yml.put(envName(key), String.valueOf(source.getProperty(key)));
            }
        }
        table.forEach((name, shown) -> {
            if (bound.containsKey(name)) {
                return;
            }
            if (yml.containsKey(name)) {
                assertThat(shown)
                        .as("the default of " + name + " in application.yml")
                        .isEqualTo(yml.get(name));
            } else {
                assertThat(name)
                        .as("a row that neither a @ConfigurationProperties record nor application.yml sets")
                        .doesNotStartWith("SEATWISE_");
            }
        });
    }

    /** Every setting of every {@code @ConfigurationProperties} record under io.seatwise; answers how many records. */
    private static int collectAll(Map<String, String> settings) throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        var records = scanner.findCandidateComponents("io.seatwise");
        for (var candidate : records) {
            var type = Class.forName(candidate.getBeanClassName());
            collect(envName(type.getAnnotation(ConfigurationProperties.class).value()), type, settings);
        }
        return records.size();
    }

    /** Each component's variable and its default (null when it has none), nested records by their own components. */
    private static void collect(String prefix, Class<?> type, Map<String, String> settings) {
        var components = type.getRecordComponents();
        var parameters = canonicalParameters(type, components);
        for (int i = 0; i < components.length; i++) {
            var name = prefix + "_" + envName(components[i].getName());
            var defaultValue = parameters.get(i).getAnnotation(DefaultValue.class);
            if (components[i].getType().isRecord()) {
                collect(name, components[i].getType(), settings);
            } else {
                settings.put(name, defaultValue == null ? null : String.join(", ", defaultValue.value()));
            }
        }
    }

    private static List<java.lang.reflect.Parameter> canonicalParameters(Class<?> type, RecordComponent[] components) {
        var types = new ArrayList<Class<?>>();
        for (var component : components) {
            types.add(component.getType());
        }
        try {
            return List.of(
                    type.getDeclaredConstructor(types.toArray(Class<?>[]::new)).getParameters());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }

    /** {@code seatwise.mail.pollInterval} or {@code poll-interval} → {@code SEATWISE_MAIL_POLL_INTERVAL}. */
    private static String envName(String property) {
        return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replace('.', '_')
                .replace('-', '_')
                .toUpperCase(Locale.ROOT);
    }
}
