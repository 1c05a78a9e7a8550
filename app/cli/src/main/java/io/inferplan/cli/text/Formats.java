package io.inferplan.cli.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How numbers read in tiles, tables and tooltips. Always with their unit. */
public final class Formats {
    private Formats() {
    }

    public static String usd(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        if (value == 0) {
            return "$0";
        }
        double abs = Math.abs(value);
        String sign = value < 0 ? "-" : "";
        if (abs >= 1e9) {
            return sign + String.format(Locale.ROOT, "$%.2fB", abs / 1e9);
        }
        if (abs >= 1e6) {
            return sign + String.format(Locale.ROOT, "$%.2fM", abs / 1e6);
        }
        if (abs >= 1e4) {
            return sign + String.format(Locale.ROOT, "$%.1fk", abs / 1e3);
        }
        if (abs >= 100) {
            return sign + String.format(Locale.ROOT, "$%,.0f", abs);
        }
        if (abs >= 1) {
            return sign + String.format(Locale.ROOT, "$%.2f", abs);
        }
        return sign + String.format(Locale.ROOT, "$%.3f", abs);
    }

    /** A value in its unit; shares (unit "share") as percent. */
    public static String withUnit(double value, String unit) {
        return "share".equals(unit) ? percent(value) : number(value) + " " + unit;
    }

    public static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", share * 100) : "–";
    }

    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return String.format(Locale.ROOT, "%.2fB", value / 1e9);
        }
        if (abs >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", value / 1e6);
        }
        if (abs >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", value / 1e3);
        }
        if (abs >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * A figure in a table column: every row in the same form (12,500 under 9,000, never 12.5k), so a column reads
     * and sorts by eye.
     */
    public static String tableFigure(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return threeSignificant(value);
    }

    /** Three significant digits, no trailing zeros, in no locale: 0.5, 0.25, 0.0313. */
    public static String threeSignificant(double value) {
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    public static String millis(double seconds) {
        return Double.isFinite(seconds) ? String.format(Locale.ROOT, "%.0f ms", seconds * 1000) : "–";
    }
}
