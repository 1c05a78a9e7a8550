package io.inferplan.app.solve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.app.tasks.LatestRun;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.sim.SimulationProgress;
import io.inferplan.engine.solve.GoalSeek;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Solve for…" form: reach a target (gross margin, cost per million output tokens, GPUs, operating profit) by
 * moving one input (a tier's output price, the load, the cache hit rate, the utilisation). The answer is applied to
 * the open scenario as one edit, so Undo takes it back.
 */
public final class SolveViewModel {
    /** Runs the goal seek on a document (the analyzer's catalog and prices). */
    @FunctionalInterface
    public interface Solver {
        io.inferplan.analysis.SolvedTarget solve(String json, GoalSeek.Request request, SimulationProgress progress);
    }

    /** "Every priced tier" in the tier choice. */
    public static final String ALL_TIERS = "every priced tier";

    private final Supplier<String> document;
    private final Solver solver;
    private final Consumer<Consumer<ObjectNode>> editScenario;
    private final LatestRun run;
    private final GoalSeek.Target target;
    private final StringProperty targetText = new SimpleStringProperty("");
    private final ObjectProperty<GoalSeek.Input> input = new SimpleObjectProperty<>();
    private final ObjectProperty<String> tier = new SimpleObjectProperty<>(ALL_TIERS);
    private final BooleanProperty keepRatios = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper();
    private final List<String> tiers;
    private GoalSeek.Outcome reached;

    /**
     * @param target       what the tile shows and the form solves for
     * @param currentValue the tile's figure now, in the target's unit (NaN when there is none): the starting target
     * @param editScenario applies a change to the open scenario as one undoable edit
     */
    public SolveViewModel(GoalSeek.Target target, double currentValue, Supplier<String> document, Solver solver,
                          Consumer<Consumer<ObjectNode>> editScenario, TaskRunner tasks) {
        this.target = target;
        this.document = document;
        this.solver = solver;
        this.editScenario = editScenario;
        this.run = new LatestRun(tasks);
        this.tiers = tierNames(document.get());
        targetText.set(number(startingTarget(target, currentValue)));
        input.set(defaultInput(target));
        targetText.addListener((obs, old, text) -> forget());
        input.addListener((obs, old, next) -> forget());
        tier.addListener((obs, old, next) -> forget());
        keepRatios.addListener((obs, old, next) -> forget());
    }

    public GoalSeek.Target target() {
        return target;
    }

    /** "Solve for gross margin (%)". */
    public String title() {
        return "Solve for " + target.label() + " (" + target.unit() + ")";
    }

    public StringProperty targetTextProperty() {
        return targetText;
    }

    public ObjectProperty<GoalSeek.Input> inputProperty() {
        return input;
    }

    /** The tier whose price moves, or {@link #ALL_TIERS}; only read when the input is the price. */
    public ObjectProperty<String> tierProperty() {
        return tier;
    }

    public List<String> tierChoices() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(ALL_TIERS), tiers.stream()).toList();
    }

    /** Input and cached-input prices move with the output price (only read when the input is the price). */
    public BooleanProperty keepRatiosProperty() {
        return keepRatios;
    }

    public List<GoalSeek.Input> inputChoices() {
        return List.of(GoalSeek.Input.values());
    }

    /** The goal seek's sentence: how it was reached, or why not and how close it gets. */
    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }

    /** A bad entry or a request the scenario cannot take, naming the field; empty when there is none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether the last answer reached the target and can be written into the scenario. */
    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    /** Starts the goal seek on the open scenario as it is now. */
    public void solve() {
        forget();
        GoalSeek.Request request;
        try {
            request = request();
        } catch (InvalidInputException e) {
            problem.set(e.field() + ": " + e.reason());
            return;
        }
        String json = document.get();
        if (json == null) {
            problem.set("Open a scenario first.");
            return;
        }
        answer.set("Solving…");
        run.start(progress -> solver.solve(json, request, SimulationProgress.of(fraction -> progress.update(fraction, ""),
                progress::cancelled)), new LatestRun.Outcome<io.inferplan.analysis.SolvedTarget>() {
                    @Override
                    public void succeeded(io.inferplan.analysis.SolvedTarget solved) {
                        GoalSeek.Outcome outcome = solved.outcome();
                        answer.set(outcome.explanation() + " (" + solved.basis() + ").");
                        reached = outcome.reached() ? outcome : null;
                        canApply.set(reached != null);
                    }

                    @Override
                    public void failed(Throwable error) {
                        answer.set("");
                        problem.set(error instanceof InvalidInputException invalid ? invalid.field() + ": " + invalid.reason()
                                : "Could not solve: " + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()));
                    }

                    @Override
                    public void cancelled() {
                        answer.set("Cancelled.");
                    }
                });
    }

    public void cancel() {
        run.cancel();
    }

    /**
     * Writes the answer into the open scenario as one edit (Undo restores the scenario as it was).
     *
     * @return what was changed, in words; empty when there is no answer to apply
     */
    public String apply() {
        if (reached == null || reached.scenarioJson() == null) {
            return "";
        }
        ObjectNode solved = ScenarioJson.tree(reached.scenarioJson());
        editScenario.accept(open -> {
            open.removeAll();
            open.setAll(solved);
        });
        String said = "Set " + reached.inputPath() + " to " + number(reached.inputValue()) + " (" + target.label() + " "
                + number(reached.resultValue()) + " " + target.unit() + "); Undo takes it back.";
        forget();
        return said;
    }

    /** The request from the form, validated where it enters. */
    GoalSeek.Request request() {
        double value = io.inferplan.app.editor.NumberText.parse(targetText.get()).orElseThrow(() ->
                new InvalidInputException("target", "enter a number in " + target.unit() + ", was '" + targetText.get() + "'"));
        String tierName = input.get() == GoalSeek.Input.PRICE && !ALL_TIERS.equals(tier.get()) ? tier.get() : null;
        return new GoalSeek.Request(target, value, input.get(), tierName, keepRatios.get());
    }

    private void forget() {
        reached = null;
        canApply.set(false);
        problem.set("");
        if (!run.runningProperty().get()) {
            answer.set("");
        }
    }

    private static double startingTarget(GoalSeek.Target target, double current) {
        boolean known = Double.isFinite(current);
        return switch (target) {
            case GROSS_MARGIN_PERCENT -> known && current >= 60 ? Math.min(90, Math.round(current) + 10) : 60;
            case COST_PER_MILLION_OUTPUT_TOKENS, COST_PER_MILLION_TOKENS -> known && current > 0 ? roundTo3(current * 0.8) : 1;
            case GPUS -> known && current > 1 ? Math.max(1, Math.floor(current * 0.8)) : 8;
            case OPERATING_PROFIT -> 0;
        };
    }

    private static GoalSeek.Input defaultInput(GoalSeek.Target target) {
        return switch (target) {
            case GROSS_MARGIN_PERCENT, OPERATING_PROFIT -> GoalSeek.Input.PRICE;
            case COST_PER_MILLION_OUTPUT_TOKENS, COST_PER_MILLION_TOKENS -> GoalSeek.Input.UTILIZATION;
            case GPUS -> GoalSeek.Input.LOAD;
        };
    }

    private static List<String> tierNames(String json) {
        if (json == null) {
            return List.of();
        }
        JsonNode tiers = ScenarioJson.tree(json).path("pricing").path("tiers");
        List<String> names = new java.util.ArrayList<>();
        tiers.forEach(t -> {
            if (t.path("name").isTextual()) {
                names.add(t.path("name").asText());
            }
        });
        return List.copyOf(names);
    }

    private static double roundTo3(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - 2);
        return Math.round(value / magnitude) * magnitude;
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
