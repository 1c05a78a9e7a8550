package io.inferplan.analysis.charts;

import java.awt.BasicStroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The replica's KV cache over a simulated run at the operating point: the share in use (left axis), and the
 * sequences running and requests waiting (right axis). A cache that sits near full with a growing queue is what
 * preemptions and a long TTFT tail come from.
 */
public final class KvOccupancyChart {
    /** More points than pixels only costs drawing time. */
    static final int MAX_POINTS = 600;

    private KvOccupancyChart() {
    }

    public static JFreeChart build(double[] sampleSeconds, float[] kvShare, int[] runningSequences, int[] waitingRequests,
                                   long preemptions, ChartStyle style) {
        int stride = Math.max(1, sampleSeconds.length / MAX_POINTS);
        XYSeries kv = new XYSeries("KV cache in use");
        XYSeries running = new XYSeries("Sequences running");
        XYSeries waiting = new XYSeries("Requests waiting");
        for (int i = 0; i < sampleSeconds.length; i += stride) {
            kv.add(sampleSeconds[i], Charts.finite(kvShare[i] * 100.0));
            running.add(sampleSeconds[i], runningSequences[i]);
            waiting.add(sampleSeconds[i], waitingRequests[i]);
        }
        DecimalFormat seconds = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        XYLineAndShapeRenderer share = new XYLineAndShapeRenderer(true, false);
        share.setSeriesStroke(0, new BasicStroke(2f));
        share.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0} at {1} s: {2}%", seconds,
                new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        NumberAxis percent = Charts.axis("KV cache in use, %", new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        percent.setRange(0, 105);
        XYPlot plot = new XYPlot(new XYSeriesCollection(kv), Charts.axis("Simulated time, s", seconds), percent, share);
        XYSeriesCollection counts = new XYSeriesCollection();
        counts.addSeries(running);
        counts.addSeries(waiting);
        XYLineAndShapeRenderer countLines = new XYLineAndShapeRenderer(true, false);
        countLines.setSeriesStroke(0, new BasicStroke(1.2f));
        countLines.setSeriesStroke(1, new BasicStroke(1.2f));
        countLines.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0} at {1} s: {2}", seconds, seconds));
        plot.setDataset(1, counts);
        plot.setRenderer(1, countLines);
        plot.setRangeAxis(1, Charts.axis("Sequences / requests", seconds));
        plot.mapDatasetToRangeAxis(1, 1);
        JFreeChart chart = new JFreeChart("KV cache over time", plot);
        Charts.subtitle(chart, preemptions == 0 ? "no preemptions" : String.format(Locale.ROOT, "%,d preemptions (recompute)", preemptions));
        style.apply(chart);
        // The counts take the next colours of the palette, not the first again.
        countLines.setSeriesPaint(0, style.seriesColor(1));
        countLines.setSeriesPaint(1, style.seriesColor(2));
        return chart;
    }
}
