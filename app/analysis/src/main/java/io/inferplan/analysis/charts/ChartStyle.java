package io.inferplan.analysis.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Colours and fonts that make JFreeChart look like the rest of the window in either theme. The palette is
 * Okabe-Ito-like so series stay apart for colour-blind readers too.
 */
public record ChartStyle(Color background, Color plotBackground, Color text, Color muted, Color grid, Color[] series) {
    private static final Color[] LIGHT_SERIES = {new Color(0x2f6fde), new Color(0xe07b28), new Color(0x1f8a4c),
            new Color(0xc4302b), new Color(0x8a5cc7), new Color(0x1a9fb0), new Color(0xb8860b), new Color(0x6b7280)};
    private static final Color[] DARK_SERIES = {new Color(0x5b95f5), new Color(0xf29a4a), new Color(0x4cc27f),
            new Color(0xf0736d), new Color(0xb08cf0), new Color(0x4fc6d6), new Color(0xe3b341), new Color(0xa0a8b6)};

    public static final String FONT_FAMILY = "DejaVu Sans";
    static final int TOOLTIP_RADIUS_PX = 10;

    public static ChartStyle light() {
        return new ChartStyle(Color.WHITE, Color.WHITE, new Color(0x1d2330), new Color(0x5b6577), new Color(0xe1e5ec), LIGHT_SERIES);
    }

    public static ChartStyle dark() {
        return new ChartStyle(new Color(0x232833), new Color(0x232833), new Color(0xe3e7ee), new Color(0x9aa4b5), new Color(0x363d4a), DARK_SERIES);
    }

    public Color seriesColor(int index) {
        return series[index % series.length];
    }

    /** Applies the style to a finished chart: backgrounds, fonts, grid, flat bars. */
    public void apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("InferPlan");
        theme.setExtraLargeFont(new Font(FONT_FAMILY, Font.BOLD, 14));
        theme.setLargeFont(new Font(FONT_FAMILY, Font.PLAIN, 12));
        theme.setRegularFont(new Font(FONT_FAMILY, Font.PLAIN, 11));
        theme.setSmallFont(new Font(FONT_FAMILY, Font.PLAIN, 10));
        theme.setTitlePaint(text);
        theme.setSubtitlePaint(muted);
        theme.setChartBackgroundPaint(background);
        theme.setPlotBackgroundPaint(plotBackground);
        theme.setLegendBackgroundPaint(background);
        theme.setLegendItemPaint(text);
        theme.setAxisLabelPaint(text);
        theme.setTickLabelPaint(muted);
        theme.setDomainGridlinePaint(grid);
        theme.setRangeGridlinePaint(grid);
        theme.setPlotOutlinePaint(grid);
        theme.setItemLabelPaint(text);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        theme.setDrawingSupplier(new DefaultDrawingSupplier(series.clone(), series.clone(),
                DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        theme.apply(chart);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        styleTitles(chart);
        Plot plot = chart.getPlot();
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(4, 4, 4, 8));
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlineStroke(new BasicStroke(0.6f));
            xy.setRangeGridlineStroke(new BasicStroke(0.6f));
            styleAxis(xy.getDomainAxis());
            styleAxis(xy.getRangeAxis());
            for (int i = 0; i < xy.getRendererCount(); i++) {
                if (xy.getRenderer(i) instanceof org.jfree.chart.renderer.xy.AbstractXYItemRenderer lines) {
                    // A point's tooltip answers within 10 px of it, not JFreeChart's 3: lines have no visible shapes.
                    lines.setDefaultEntityRadius(TOOLTIP_RADIUS_PX);
                }
            }
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlineStroke(new BasicStroke(0.6f));
            styleAxis(category.getDomainAxis());
            styleAxis(category.getRangeAxis());
            if (category.getRenderer() instanceof BarRenderer bars) {
                bars.setShadowVisible(false);
                bars.setItemMargin(0.05);
                bars.setDrawBarOutline(false);
            }
        }
    }

    private void styleTitles(JFreeChart chart) {
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(new Font(FONT_FAMILY, Font.BOLD, 13));
            title.setPaint(text);
            // Room on both sides keeps a centred title clear of the card's export button at the top right.
            title.setPadding(new RectangleInsets(2, 44, 6, 44));
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle legend) {
                legend.setItemFont(new Font(FONT_FAMILY, Font.PLAIN, 11));
                legend.setItemPaint(text);
                legend.setBackgroundPaint(background);
                legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            } else if (chart.getSubtitle(i) instanceof TextTitle subtitle) {
                subtitle.setFont(new Font(FONT_FAMILY, Font.PLAIN, 11));
                subtitle.setPaint(muted);
            }
        }
    }

    private void styleAxis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(new Font(FONT_FAMILY, Font.PLAIN, 11));
        axis.setLabelPaint(text);
        axis.setTickLabelFont(new Font(FONT_FAMILY, Font.PLAIN, 10));
        axis.setTickLabelPaint(muted);
        axis.setAxisLinePaint(grid);
        axis.setTickMarkPaint(grid);
    }

    public Paint paintFor(int index) {
        return seriesColor(index);
    }
}
