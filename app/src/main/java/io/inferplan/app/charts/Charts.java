package io.inferplan.app.charts;

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

    /** Finite or zero: a NaN must never reach a dataset (it would silently break the axis range). */
    static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
