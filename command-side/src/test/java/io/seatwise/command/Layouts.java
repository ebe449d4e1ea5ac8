package io.seatwise.command;

import io.seatwise.api.venue.SeatLayout;
import io.seatwise.api.venue.SeatLayout.Category;
import io.seatwise.api.venue.SeatLayout.Category.Kind;
import io.seatwise.api.venue.SeatLayout.Row;
import io.seatwise.api.venue.SeatLayout.Section;
import java.util.ArrayList;
import java.util.List;

/** Layouts for tests, written the way SPEC §1 draws them: one string of positions a row. */
public final class Layouts {

    public static final Category PREMIUM = new Category("P", "Premium", Kind.STANDARD);
    public static final Category STANDARD = SeatLayout.STANDARD;
    public static final Category RESTRICTED = new Category("R", "Restricted view", Kind.RESTRICTED);
    public static final Category WHEELCHAIR = new Category("W", "Wheelchair space", Kind.WHEELCHAIR);
    public static final Category COMPANION = new Category("C", "Companion seat", Kind.COMPANION);

    /** Every kind of category, under the codes SPEC §1 uses. */
    public static final List<Category> ALL_CATEGORIES = List.of(PREMIUM, STANDARD, RESTRICTED, WHEELCHAIR, COMPANION);

    private Layouts() {}

    /** One section "Main" whose rows A, B, … have the given positions, with every kind of category defined. */
    public static SeatLayout rows(String... rows) {
        return new SeatLayout(ALL_CATEGORIES, List.of(section(SeatLayout.PLAIN_SECTION, rows)));
    }

    /** A section whose rows are labelled A, B, … from the front. */
    public static Section section(String name, String... rows) {
        var labelled = new ArrayList<Row>();
        for (int i = 0; i < rows.length; i++) {
            labelled.add(new Row(SeatLayout.rowLabel(i), rows[i]));
        }
        return new Section(name, labelled);
    }

    /**
     * SPEC §1's example hall: Stalls A {@code WC..PPPPPP..CW} (seats 1..10), Stalls B {@code SSS.SSSSSS.SSS}
     * (11..22), Circle A {@code RSSSSSSSSSSR} (23..34).
     */
    public static SeatLayout hall() {
        return new SeatLayout(
                ALL_CATEGORIES,
                List.of(section("Stalls", "WC..PPPPPP..CW", "SSS.SSSSSS.SSS"), section("Circle", "RSSSSSSSSSSR")));
    }
}
