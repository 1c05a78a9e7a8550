package io.inferplan.app.bench;

import io.inferplan.analysis.charts.ChartStyle;
import io.inferplan.analysis.charts.CostByAcceleratorChart;
import io.inferplan.analysis.charts.AnalysisCharts;
import io.inferplan.analysis.AcceleratorSweep;
import io.inferplan.analysis.Analysis;
import io.inferplan.app.evaluation.EvaluationInputs;
import io.inferplan.app.evaluation.InputChanges;
import io.inferplan.analysis.ScenarioAnalyzer;
import io.inferplan.app.workspace.SampleLibrary;
import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.engine.scenario.ScenarioResult;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * Prints where the time of an edit goes on the dashboard (a harness, not a timed test; tools/benchmark-edit.sh):
 * the first phase of the evaluation (the scenario itself), the second (the catalog-wide accelerator sweep), building
 * the five charts of the first phase, and drawing them at dashboard size with Java2D (the desktop draws through
 * FXGraphics2D, about the same work). Each edit changes the mean output tokens, as the smoke test's does.
 */
public final class EditSpeed {
    private EditSpeed() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        String sample = args.length > 1 ? args[1] : "Consumer chat";
        String json = SampleLibrary.samples().stream().filter(e -> e.getKey().startsWith(sample)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no sample starting with " + sample));
        EvaluationInputs inputs = new EvaluationInputs(AcceleratorCatalog.bundled(), new InputChanges(Runnable::run));
        ScenarioAnalyzer analyzer = new ScenarioAnalyzer(inputs::catalog, inputs::rentalRates);
        ChartStyle style = ChartStyle.light();
        Map<String, double[]> millis = new LinkedHashMap<>();
        for (String part : List.of("first phase", "accelerator sweep", "build 5 charts", "draw 5 charts", "cost chart")) {
            millis.put(part, new double[repeats]);
        }
        BufferedImage canvas = new BufferedImage(480, 320, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < repeats; i++) {
            String edited = json.replaceFirst("(\"outputTokens\"\\s*:\\s*\\{\\s*\"mean\"\\s*:\\s*)([0-9.]+)",
                    "$1" + (300 + 7 * i));
            long t0 = System.nanoTime();
            Analysis first = analyzer.analyze(edited);
            long t1 = System.nanoTime();
            AcceleratorSweep sweep = analyzer.acceleratorSweep(first, () -> false);
            long t2 = System.nanoTime();
            List<JFreeChart> charts = scenarioCharts(first, style);
            long t3 = System.nanoTime();
            Graphics2D g = canvas.createGraphics();
            for (JFreeChart chart : charts) {
                chart.draw(g, new Rectangle2D.Double(0, 0, 480, 320));
            }
            long t4 = System.nanoTime();
            CostByAcceleratorChart.build(sweep.costs(), sweep.coverage(), sweep.unpriced(), style).draw(g, new Rectangle2D.Double(0, 0, 480, 320));
            long t5 = System.nanoTime();
            g.dispose();
            millis.get("first phase")[i] = (t1 - t0) / 1e6;
            millis.get("accelerator sweep")[i] = (t2 - t1) / 1e6;
            millis.get("build 5 charts")[i] = (t3 - t2) / 1e6;
            millis.get("draw 5 charts")[i] = (t4 - t3) / 1e6;
            millis.get("cost chart")[i] = (t5 - t4) / 1e6;
        }
        System.out.printf(Locale.ROOT, "%s, %d edits (the first ones include JIT warm-up)%n", sample, repeats);
        millis.forEach((part, values) -> {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double[] late = Arrays.copyOfRange(values, repeats / 2, repeats);
            Arrays.sort(late);
            System.out.printf(Locale.ROOT, "  %-18s first %7.1f ms · best %6.1f ms · median of the second half %6.1f ms%n", part,
                    values[0], sorted[0], late[late.length / 2]);
        });
    }

    /** The first phase's charts, built as the dashboard builds them. */
    private static List<JFreeChart> scenarioCharts(Analysis analysis, ChartStyle style) {
        ScenarioResult r = analysis.result();
        List<JFreeChart> charts = new ArrayList<>();
        AnalysisCharts.marginByTier(r, style).ifPresent(charts::add);
        charts.add(AnalysisCharts.breakEven(analysis, style));
        charts.add(AnalysisCharts.costBreakdown(r, style));
        charts.add(AnalysisCharts.projection(r, style));
        AnalysisCharts.pareto(analysis, style).ifPresent(charts::add);
        return charts;
    }
}
