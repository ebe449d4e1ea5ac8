package io.seatwise.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;

/**
 * Every text a person reads comes from a message bundle, and every bundle has every message (as spring-petclinic's
 * I18nPropertiesSyncTest keeps it): templates hold no text of their own outside elements whose text Thymeleaf
 * replaces, and the scripts take their texts from the page.
 */
class MessagesTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** The brand is a name, the same in every language. */
    private static final Pattern NAMES = Pattern.compile("\\bSeatwise\\b");
    /** Attributes that people read or hear. */
    private static final List<String> READ_ATTRIBUTES = List.of("aria-label", "title", "placeholder", "alt");
    /** Attributes with which Thymeleaf replaces an element's body. */
    private static final List<String> REPLACING =
            List.of("th:text", "th:utext", "th:replace", "th:insert", "th:errors");

    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[(}]");

    @Test
    void everyLanguageHasEveryMessage() throws IOException {
        var english = load(RESOURCES.resolve("messages.properties"));
        var languages = bundles()
                .filter(path -> !path.getFileName().toString().equals("messages.properties"))
                .toList();
        assertThat(languages).as("a second language").isNotEmpty();
        for (var language : languages) {
            var translated = load(language);
            assertThat(new TreeSet<>(translated.stringPropertyNames()))
                    .as("the keys of %s", language.getFileName())
                    .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        }
    }

    @Test
    void everyMessageIsAValidPatternWithTheSamePlaceholdersInEveryLanguage() throws IOException {
        var english = load(RESOURCES.resolve("messages.properties"));
        for (var bundle : bundles().toList()) {
            var messages = load(bundle);
            for (var key : messages.stringPropertyNames()) {
                var value = messages.getProperty(key);
                assertThat(value).as("%s in %s", key, bundle.getFileName()).isNotBlank();
                var format = new MessageFormat(value);
                var expected = english.getProperty(key);
                if (expected != null) {
                    assertThat(format.getFormatsByArgumentIndex().length)
                            .as("the placeholders of %s in %s", key, bundle.getFileName())
                            .isEqualTo(new MessageFormat(expected).getFormatsByArgumentIndex().length);
                }
            }
        }
    }

    @Test
    void templatesUseOnlyMessagesThatExist() throws IOException {
        var english = load(RESOURCES.resolve("messages.properties"));
        var missing = new ArrayList<String>();
        for (var template : templates(".html", ".txt")) {
            var matcher = MESSAGE_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!english.containsKey(matcher.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void htmlTemplatesHaveNoTextOfTheirOwn() throws Exception {
        var parser = new DOMMarkupParser(ParseConfiguration.htmlConfiguration());
        var found = new ArrayList<String>();
        for (var template : templates(".html")) {
            try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
                collectText(parser.parse(reader), TEMPLATES.relativize(template).toString(), found);
            }
        }
        assertThat(found).as("text that is not in a message bundle").isEmpty();
    }

    @Test
    void textTemplatesHaveNoTextOfTheirOwn() throws IOException {
        var found = new ArrayList<String>();
        for (var template : templates(".txt")) {
            var outsideExpressions =
                    Files.readString(template).replaceAll("\\[\\((.*?)\\)]", "").replaceAll("\\[#.*?]", "");
            if (LETTER.matcher(outsideExpressions).find()) {
                found.add(TEMPLATES.relativize(template) + ": " + outsideExpressions.strip());
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void scriptsTakeTheirTextsFromThePage() throws IOException {
        // A string literal with two words in it is text meant for people ('use strict' is not).
        var literal = Pattern.compile("'(?:[^'\\\\\\n]|\\\\.)*'|\"(?:[^\"\\\\\\n]|\\\\.)*\"|`[^`]*`");
        var words = Pattern.compile("\\p{L}+\\s+\\p{L}+");
        var found = new ArrayList<String>();
        try (var scripts = Files.list(RESOURCES.resolve("static/js"))) {
            // our own scripts; vendored ones (js/vendor/) are others' code, with texts of their own for developers
            for (var script : scripts.filter(Files::isRegularFile).toList()) {
                var lines = Files.readAllLines(script);
                for (int i = 0; i < lines.size(); i++) {
                    var line = lines.get(i).strip();
                    if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
                        continue;
                    }
                    var strings = literal.matcher(line);
                    while (strings.find()) {
                        var text = strings.group();
                        if (words.matcher(text).find() && !text.equals("'use strict'")) {
                            found.add(script.getFileName() + ":" + (i + 1) + ": " + text);
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static void collectText(INestableNode node, String template, List<String> found) {
        for (var child : node.getChildren()) {
            if (child instanceof Text text) {
                var content = NAMES.matcher(text.getContent()).replaceAll("");
                if (LETTER.matcher(content).find()) {
                    found.add(template + ":" + text.getLine() + ": " + content.strip());
                }
            } else if (child instanceof Element element) {
                for (var attribute : READ_ATTRIBUTES) {
                    var value = element.getAttributeValue(attribute);
                    if (value != null
                            && LETTER.matcher(NAMES.matcher(value).replaceAll(""))
                                    .find()
                            && !element.hasAttribute("th:" + attribute)
                            && !element.hasAttribute("th:attr")) {
                        found.add(template + ":" + element.getLine() + ": " + attribute + "=\"" + value + "\"");
                    }
                }
                var name = element.getElementName().toLowerCase();
                boolean replaced = REPLACING.stream().anyMatch(element::hasAttribute);
                if (!replaced && !name.equals("script") && !name.equals("style")) {
                    collectText(element, template, found);
                }
            }
        }
    }

    private static Properties load(Path bundle) throws IOException {
        var properties = new Properties();
        try (var reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Stream<Path> bundles() throws IOException {
        return Files.list(RESOURCES)
                .filter(path -> path.getFileName().toString().matches("messages(_[a-z]{2}(_[A-Z]{2})?)?\\.properties"))
                .sorted();
    }

    private static List<Path> templates(String... endings) throws IOException {
        try (var files = Files.walk(TEMPLATES)) {
            return files.filter(path -> Stream.of(endings)
                            .anyMatch(ending -> path.toString().endsWith(ending)))
                    .sorted()
                    .toList();
        }
    }
}
