package io.inferplan.analysis.charts;

import java.awt.Font;
import java.text.NumberFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.title.TextTitle;

/** Small helpers the chart builders share. */
final class Charts {
    private Charts() {
    }

    static NumberAxis axis(String label, NumberFormat format) {
        NumberAxis axis = new NumberAxis(label);
        axis.setNumberFormatOverride(format);
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }

    static void subtitle(JFreeChart chart, String text) {
        if (text != null && !text.isBlank()) {
            TextTitle subtitle = new TextTitle(text, new Font(ChartStyle.FONT_FAMILY, Font.PLAIN, 11));
            chart.addSubtitle(0, subtitle);
        }
    }

    /** Figures as the rest of the app writes them, whatever the machine's locale (1,234.56, never 1.234,56). */
    static java.text.DecimalFormat money(String pattern) {
        return new java.text.DecimalFormat(pattern, java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
    }

    /** "H100 · Output: $0.123 per million tokens": the cost bars' tooltip, on every page the same. */
    static org.jfree.chart.labels.StandardCategoryToolTipGenerator perMillionTokensToolTips() {
        return new org.jfree.chart.labels.StandardCategoryToolTipGenerator("{1} · {0}: ${2} per million tokens", money("#,##0.000"));
    }

    /** Finite or zero: a NaN must never reach a dataset (it would silently break the axis range). */
    static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
