package io.seatwise.query.stats;

/**
 * Text cells that spreadsheets cannot mistake for formulas: as OWASP advises against CSV injection, a cell that
 * begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading single quote.
 */
final class CsvCells {

    private CsvCells() {}

    static String inert(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
