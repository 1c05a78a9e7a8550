package io.inferplan.analysis.charts;

import io.inferplan.cli.text.Formats;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Tick labels that stay short at any scale: 950, 1.2k, 34M, 5.6B, with an optional prefix such as "$". Thousands
 * switch to "k" at 1,000, so the ticks of one axis never mix forms (-$10k next to -$5,000); digits are written
 * the same in every locale.
 */
public final class CompactFormat extends NumberFormat {
    private final String prefix;
    private final String suffix;

    public CompactFormat(String prefix, String suffix) {
        this.prefix = prefix;
        this.suffix = suffix;
    }

    public static CompactFormat usd() {
        return new CompactFormat("$", "");
    }

    public static CompactFormat plain() {
        return new CompactFormat("", "");
    }

    public static String format(double value, String prefix) {
        return new CompactFormat(prefix, "").format(value);
    }

    @Override
    public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
        double abs = Math.abs(number);
        String sign = number < 0 ? "-" : "";
        String body;
        if (abs >= 1e12) {
            body = trim(abs / 1e12) + "T";
        } else if (abs >= 1e9) {
            body = trim(abs / 1e9) + "B";
        } else if (abs >= 1e6) {
            body = trim(abs / 1e6) + "M";
        } else if (abs >= 1e3) {
            body = trim(abs / 1e3) + "k";
        } else if (abs >= 100 || abs == 0) {
            body = String.format(Locale.ROOT, "%.0f", abs);
        } else if (abs >= 1) {
            body = trim(abs);
        } else {
            // Three significant digits, no trailing zeros: 0.5 next to 1 and 1.5, not 0.500.
            body = Formats.threeSignificant(abs);
        }
        return out.append(sign).append(prefix).append(body).append(suffix);
    }

    private static String trim(double value) {
        String text = value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text;
    }

    @Override
    public StringBuffer format(long number, StringBuffer out, FieldPosition pos) {
        return format((double) number, out, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        // Tick labels are only ever written, never read back.
        return null;
    }
}
