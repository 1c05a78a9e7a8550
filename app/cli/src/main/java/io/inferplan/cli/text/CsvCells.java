package io.inferplan.cli.text;

import java.util.regex.Pattern;

/**
 * What every CSV that InferPlan writes does to a cell: text that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, as OWASP's CSV-injection advice says, and a
 * cell holding a comma, quote or line break is quoted so that it stays one cell in one row. Plain numbers, negative
 * ones included, are left as numbers.
 */
public final class CsvCells {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private CsvCells() {
    }

    /** The cell's text with formula triggers neutralised; not yet quoted. */
    public static String neutralised(String cell) {
        if (cell == null || cell.isEmpty() || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + cell : cell;
    }

    /** The cell as it goes into the file: neutralised, then quoted (RFC 4180) where it must be. */
    public static String field(String cell) {
        String text = neutralised(cell);
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
