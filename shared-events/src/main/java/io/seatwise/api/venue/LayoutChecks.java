package io.seatwise.api.venue;

import static io.seatwise.api.venue.SeatLayout.MAX_CATEGORIES;
import static io.seatwise.api.venue.SeatLayout.MAX_NAME_LENGTH;
import static io.seatwise.api.venue.SeatLayout.MAX_POSITIONS_PER_ROW;
import static io.seatwise.api.venue.SeatLayout.MAX_ROW_LABEL_LENGTH;
import static io.seatwise.api.venue.SeatLayout.MAX_SECTIONS;

import io.seatwise.api.DomainException;
import io.seatwise.api.InvalidLayout;
import io.seatwise.api.venue.SeatLayout.Category;
import io.seatwise.api.venue.SeatLayout.Row;
import io.seatwise.api.venue.SeatLayout.Section;
import java.util.HashSet;
import java.util.List;

/** SPEC §1's rules of a layout's parts, each refused as {@code invalid-layout} with the rule it breaks in English. */
final class LayoutChecks {

    private LayoutChecks() {}

    static List<Category> categories(List<Category> categories) {
        if (categories == null || categories.isEmpty()) {
            throw invalid("a layout needs at least one category");
        }
        if (categories.size() > MAX_CATEGORIES) {
            throw invalid("a layout has at most " + MAX_CATEGORIES + " categories, this one has " + categories.size());
        }
        var codes = new HashSet<String>();
        for (var category : categories) {
            if (category == null) {
                throw invalid("a category must not be null");
            }
            if (category.code() == null
                    || category.code().length() != 1
                    || !isCodeCharacter(category.code().charAt(0))) {
                throw invalid("a category's code is one letter or digit, not " + quoted(category.code()));
            }
            checkName(category.name(), "category " + category.code());
            if (!codes.add(category.code())) {
                throw invalid("category " + category.code() + " is defined twice");
            }
        }
        return List.copyOf(categories);
    }

    static List<Section> sections(List<Section> sections) {
        if (sections == null || sections.isEmpty()) {
            throw invalid("a layout needs at least one section");
        }
        if (sections.size() > MAX_SECTIONS) {
            throw invalid("a layout has at most " + MAX_SECTIONS + " sections, this one has " + sections.size());
        }
        var names = new HashSet<String>();
        for (var section : sections) {
            if (section == null) {
                throw invalid("a section must not be null");
            }
            checkName(section.name(), "a section");
            if (!names.add(section.name())) {
                throw invalid("there are two sections named " + section.name());
            }
            if (section.rows() == null || section.rows().isEmpty()) {
                throw invalid("section " + section.name() + " needs at least one row");
            }
            var labels = new HashSet<String>();
            for (var row : section.rows()) {
                checkRow(section, row);
                if (!labels.add(row.label())) {
                    throw invalid("section " + section.name() + " has two rows labelled " + row.label());
                }
            }
        }
        return List.copyOf(sections);
    }

    private static void checkRow(Section section, Row row) {
        if (row == null) {
            throw invalid("a row of " + section.name() + " is null");
        }
        if (row.label() == null
                || row.label().isBlank()
                || row.label().length() > MAX_ROW_LABEL_LENGTH
                || !row.label().strip().equals(row.label())
                || hasControlCharacters(row.label())) {
            throw invalid("a row label of " + section.name() + " is 1 to " + MAX_ROW_LABEL_LENGTH
                    + " characters without spaces around them, not " + quoted(row.label()));
        }
        if (row.seats() == null || row.seats().isEmpty()) {
            throw invalid("row " + row.label() + " of " + section.name() + " has no positions");
        }
        if (row.seats().length() > MAX_POSITIONS_PER_ROW) {
            throw invalid("row " + row.label() + " of " + section.name() + " has "
                    + row.seats().length() + " positions, at most " + MAX_POSITIONS_PER_ROW + " are allowed");
        }
        if (row.seatCount() == 0) {
            throw invalid("row " + row.label() + " of " + section.name() + " has no seats");
        }
    }

    private static void checkName(String name, String what) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH || hasControlCharacters(name)) {
            throw invalid("the name of " + what + " is 1 to " + MAX_NAME_LENGTH
                    + " characters without line breaks, not " + quoted(name));
        }
    }

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static boolean isCodeCharacter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    static String quoted(String text) {
        return text == null ? "nothing" : "\"" + text + "\"";
    }

    static DomainException invalid(String problem) {
        return new DomainException(new InvalidLayout(problem), "The layout is not valid: " + problem);
    }
}
