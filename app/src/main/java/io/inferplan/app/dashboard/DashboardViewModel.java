package io.inferplan.app.dashboard;

import io.inferplan.analysis.RouteRows;
import io.inferplan.analysis.Analysis;
import io.inferplan.app.evaluation.EvaluationService;
import io.inferplan.cli.text.Formats;
import io.inferplan.engine.OutOfRangeException;
import io.inferplan.engine.perf.Bottleneck;
import io.inferplan.engine.scenario.ScenarioResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The dashboard's state: one tile per KPI (value, detail and tone, in words ready to show), the scenario's
 * description and sources, the problem banner, and the analysis the charts draw. It follows the evaluation; the
 * view only binds to it.
 */
public final class DashboardViewModel {
    /** The figures the dashboard leads with, in the order it shows them. */
    public enum Kpi { INPUT_COST, OUTPUT_COST, GPUS, MARGIN, BREAK_EVEN, LIMIT, LATENCY, TRUST }

    public enum Tone { NEUTRAL, GOOD, BAD }

    /** One tile's content. */
    public record Tile(String value, String detail, Tone tone) {
        static final Tile WAITING = new Tile("–", "", Tone.NEUTRAL);
    }

    /** Says a problem in the words and units of the field it names (the scenario form knows them). */
    @FunctionalInterface
    public interface ProblemWording {
        String describe(String field, String message, OutOfRangeException range);
    }

    /** A wrong trust figure is worse than none: above this the tile says so in red. */
    static final double DOUBTFUL_ERROR_PERCENT = 30;

    private final Map<Kpi, ReadOnlyObjectWrapper<Tile>> tiles = new EnumMap<>(Kpi.class);
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<String>> sources = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<RouteRows>> routeRows = new ReadOnlyObjectWrapper<>(List.of());
    private final ProblemWording wording;

    public DashboardViewModel(EvaluationService evaluation, ProblemWording wording) {
        this.wording = wording;
        for (Kpi kpi : Kpi.values()) {
            tiles.put(kpi, new ReadOnlyObjectWrapper<>(Tile.WAITING));
        }
        evaluation.analysisProperty().addListener((obs, old, next) -> {
            if (next != null) {
                show(next);
            }
        });
        evaluation.problemProperty().addListener((obs, old, next) -> showProblem(next));
        if (evaluation.analysisProperty().get() != null) {
            show(evaluation.analysisProperty().get());
        }
    }

    public ReadOnlyObjectProperty<Tile> tile(Kpi kpi) {
        return tiles.get(kpi).getReadOnlyProperty();
    }

    /** True while the shown figures belong to an earlier version of the scenario (the latest did not evaluate). */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** Why the latest version did not evaluate, in the field's words; empty when it did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<String>> sourcesProperty() {
        return sources.getReadOnlyProperty();
    }

    /** One row per route and one for the whole service; empty when the scenario has no routes (no route card then). */
    public ReadOnlyObjectProperty<List<RouteRows>> routeRowsProperty() {
        return routeRows.getReadOnlyProperty();
    }

    /** What the charts draw: the latest analysis that evaluated (its second phase may still be running). */
    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    private void show(Analysis next) {
        ScenarioResult r = next.result();
        boolean sameResult = analysis.get() != null && analysis.get().result() == r;
        if (!sameResult) {
            description.set(r.description() == null ? "" : r.description().strip());
            sources.set(next.sources());
            tiles.forEach((kpi, tile) -> tile.set(tileOf(kpi, next)));
            routeRows.set(next.hasRoutes() ? RouteRows.of(next.routes()) : List.of());
        }
        analysis.set(next);
    }

    static Tile tileOf(Kpi kpi, Analysis analysis) {
        if (analysis.hasRoutes()) {
            return RoutedTiles.tileOf(kpi, analysis.routes());
        }
        ScenarioResult r = analysis.result();
        return switch (kpi) {
            case INPUT_COST -> new Tile(Formats.usd(r.tokenCosts().costPerMillionInputTokensUsd()),
                    "cached " + Formats.usd(r.tokenCosts().costPerMillionCachedInputTokensUsd()), Tone.NEUTRAL);
            case OUTPUT_COST -> new Tile(Formats.usd(r.tokenCosts().costPerMillionOutputTokensUsd()),
                    "blended " + Formats.usd(r.tokenCosts().costPerMillionTokensBlendedUsd()) + " per M", Tone.NEUTRAL);
            case GPUS -> gpusTile(analysis);
            case MARGIN -> {
                Double percent = r.totals().grossMarginPercent();
                yield new Tile(percent == null ? "no revenue" : String.format(Locale.ROOT, "%.1f%%", percent),
                        Formats.usd(r.totals().grossMarginUsdPerMonth()) + " per month",
                        percent == null ? Tone.NEUTRAL : percent >= 0 ? Tone.GOOD : Tone.BAD);
            }
            case BREAK_EVEN -> {
                Integer month = r.breakEven().breakEvenMonth();
                yield new Tile(month == null ? "never" : "month " + month, r.breakEven().paybackMonth() == null
                        ? "no payback within the horizon" : "payback in month " + r.breakEven().paybackMonth(),
                        month == null ? Tone.BAD : Tone.GOOD);
            }
            // At the edge of what the model predicts the plan is a caution, not a fact: the tile says so in red.
            case LIMIT -> new Tile(shortLimit(r.replica().bottleneck()), r.replica().limitedBy(),
                    r.replica().bottleneck() == Bottleneck.LATENCY_TARGET_WITHIN_BAND ? Tone.BAD : Tone.NEUTRAL);
            case LATENCY -> {
                LatencyFigures figures = analysis.simulated() ? LatencyFigures.simulated(analysis.sizing().capacity())
                        : LatencyFigures.of(r.replica().timeToFirstTokenSeconds(), r.replica().timePerOutputTokenSeconds(),
                        analysis.latencyTargets());
                yield new Tile(figures.value(), figures.detail(), Tone.NEUTRAL);
            }
            case TRUST -> new Tile("±" + Math.round(r.replica().expectedErrorPercent()) + "%", r.replica().errorBand(),
                    r.replica().expectedErrorPercent() > DOUBTFUL_ERROR_PERCENT ? Tone.BAD : Tone.NEUTRAL);
        };
    }

    /**
     * GPUs for the peak: from the simulated capacity at the targets' percentiles once the simulator is done (with the
     * GPUs its capacity band would take), from the steady-state estimate until then.
     */
    static Tile gpusTile(Analysis analysis) {
        ScenarioResult r = analysis.result();
        String fleet = r.capacity().replicas() + " × " + r.capacity().gpusPerReplica() + " " + r.accelerator();
        if (analysis.sizing() != null && !analysis.sizing().reachable()) {
            return new Tile("unreachable", "no arrival rate meets " + analysis.sizing().capacity().targets().describe()
                    + " in simulation; the steady-state estimate says " + r.capacity().gpusRequired() + " GPUs", Tone.BAD);
        }
        if (!analysis.simulated()) {
            return new Tile(Integer.toString(r.capacity().gpusRequired()), fleet + " · avg load "
                    + Math.round(r.capacity().averageUtilizationPercent()) + "%" + (analysis.sizingDone() ? "" : " · sizing by simulation…"),
                    Tone.NEUTRAL);
        }
        var sizing = analysis.sizing();
        int most = sizing.atBandLow() == null ? r.capacity().gpusRequired() : sizing.atBandLow().capacity().gpusRequired();
        int fewest = sizing.atBandHigh() == null ? r.capacity().gpusRequired() : sizing.atBandHigh().capacity().gpusRequired();
        String band = most == fewest ? "" : " (" + fewest + "–" + most + " within the simulation's band)";
        return new Tile(Integer.toString(r.capacity().gpusRequired()), fleet + " · sized by simulation at "
                + percentileOf(sizing.capacity().targets()) + band, Tone.NEUTRAL);
    }

    private static String percentileOf(io.inferplan.engine.sim.LatencyTargets targets) {
        if (targets.maxTtftSeconds() <= 0 && targets.maxTpotSeconds() <= 0) {
            return "the highest steady rate";
        }
        return targets.percentilesLabel();
    }

    private void showProblem(EvaluationService.Problem next) {
        boolean failed = next != null;
        stale.set(failed);
        problem.set(failed ? "Not evaluated: " + wording.describe(next.field(), next.message(), next.range())
                + " · showing the last valid results" : "");
    }

    /** A few words for the tile, from the engine's value (the whole sentence stays in the detail). */
    static String shortLimit(Bottleneck bottleneck) {
        if (bottleneck == null) {
            return "–";
        }
        return switch (bottleneck) {
            case MEMORY_CAPACITY -> "memory capacity";
            case MEMORY_BANDWIDTH -> "memory bandwidth";
            case COMPUTE -> "compute";
            case COMMUNICATION -> "communication between GPUs";
            case ENGINE_BATCH_LIMIT -> "serving engine's batch limit";
            case LATENCY_TARGET -> "latency target";
            case LATENCY_TARGET_WITHIN_BAND -> "latency target";
            case FIXED_OVERHEAD -> "fixed per-step overheads";
        };
    }
}
