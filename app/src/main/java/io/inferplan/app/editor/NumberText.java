package io.inferplan.app.editor;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a number as a person types it into a field. The app shows numbers with a decimal point and no grouping,
 * but people paste "1,999" from a quote and type "1,5" out of habit; neither may silently become another number
 * (stripping every comma read "1,5" as 15).
 *
 * <ul>
 *   <li>Commas between groups of exactly three digits group thousands: {@code 1,999}, {@code 12,345.5}.</li>
 *   <li>One comma with other than three digits after it, and no point, is a decimal comma: {@code 1,5},
 *       {@code 0,75}.</li>
 *   <li>Anything else with a comma is refused rather than guessed.</li>
 * </ul>
 */
public final class NumberText {
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?([eE][+-]?\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,(\\d{1,2}|\\d{4,})");
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private NumberText() {
    }

    /** The number {@code text} stands for, or empty when it is not one (or its commas are ambiguous). */
    public static Optional<Double> parse(String text) {
        String s = text == null ? "" : text.strip().replace("_", "").replace(" ", "").replace("\u00a0", "");
        if (PLAIN.matcher(s).matches()) {
            return Optional.of(Double.parseDouble(s));
        }
        if (GROUPED.matcher(s).matches()) {
            return Optional.of(Double.parseDouble(s.replace(",", "")));
        }
        if (DECIMAL_COMMA.matcher(s).matches()) {
            return Optional.of(Double.parseDouble(s.replace(',', '.')));
        }
        return Optional.empty();
    }
}
