package io.inferplan.app.uncertainty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.analysis.Analysis;
import io.inferplan.app.tasks.LatestRun;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.scenario.Distribution;
import io.inferplan.engine.scenario.DocumentPaths;
import io.inferplan.engine.scenario.UncertainNumbers;
import io.inferplan.engine.sim.SimulationProgress;
import io.inferplan.engine.uncertainty.MonteCarlo;
import io.inferplan.engine.uncertainty.UncertainInput;
import io.inferplan.engine.uncertainty.UncertaintyResult;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.value.ObservableValue;

/**
 * The Uncertainty page's state and actions. While the page is shown it runs the Monte Carlo of the open scenario
 * (the distributions written in it, and the standard ones unless switched off) off the FX thread with progress and
 * cancel, again after every edit, and after a change of draws, seed or inputs. Giving a number a distribution, or
 * taking it away, is an edit of the scenario (undoable like any other), checked before it is made: a distribution
 * that is impossible or reaches values the field does not allow is refused with the engine's message, and nothing
 * changes.
 */
public final class UncertaintyViewModel {
    public static final List<Integer> DRAW_CHOICES = List.of(1_000, 10_000, 100_000);

    private final Supplier<String> scenarioJson;
    private final BiFunction<String, Boolean, MonteCarlo> monteCarlo;
    private final Consumer<Consumer<ObjectNode>> editScenario;
    private final LatestRun run;
    private final ReadOnlyObjectWrapper<UncertaintyResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Open a valid scenario to see how far its results can move.");
    private final IntegerProperty draws = new SimpleIntegerProperty(MonteCarlo.DEFAULT_DRAWS);
    private final LongProperty seed = new SimpleLongProperty(1);
    private final BooleanProperty standardInputs = new SimpleBooleanProperty(true);
    private final BooleanProperty cumulative = new SimpleBooleanProperty(true);
    private boolean active;
    private List<Object> ranFor;

    /**
     * @param analysis     the open scenario's evaluation: a new one (an edit) runs the draws again while shown
     * @param monteCarlo   prepares a run of a document (with the standard inputs or not)
     * @param editScenario makes one undoable edit of the open scenario's document
     */
    public UncertaintyViewModel(Supplier<String> scenarioJson, ObservableValue<Analysis> analysis,
                                BiFunction<String, Boolean, MonteCarlo> monteCarlo, Consumer<Consumer<ObjectNode>> editScenario,
                                TaskRunner runner) {
        this.scenarioJson = scenarioJson;
        this.monteCarlo = monteCarlo;
        this.editScenario = editScenario;
        this.run = new LatestRun(runner);
        analysis.addListener((obs, old, next) -> refreshIfActive());
        draws.addListener((obs, old, next) -> refreshIfActive());
        seed.addListener((obs, old, next) -> refreshIfActive());
        standardInputs.addListener((obs, old, next) -> refreshIfActive());
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    public ReadOnlyObjectProperty<UncertaintyResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why there is nothing (new) to show; empty once a result is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public IntegerProperty drawsProperty() {
        return draws;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** Whether the standard uncertainty (docs/uncertainty.md) is added to what the scenario declares. */
    public BooleanProperty standardInputsProperty() {
        return standardInputs;
    }

    /** Whether the fan shows profit summed from month 1 (true) or each month's. */
    public BooleanProperty cumulativeProperty() {
        return cumulative;
    }

    public void activate() {
        active = true;
        refresh();
    }

    public void deactivate() {
        active = false;
        run.cancel();
        if (result.get() == null) {
            ranFor = null;
        }
    }

    public void cancel() {
        run.cancel();
    }

    public void runAgain() {
        ranFor = null;
        refresh();
    }

    /**
     * The number of the scenario a user can give a distribution of its own for this input: the input's own number,
     * or for one drawn as a factor over several (the GPU price, a token length) the first of them the scenario
     * holds; empty for the engine's own error, which has no number in the file. A distribution given there replaces
     * the standard one.
     */
    public Optional<String> editablePath(UncertainInput input) {
        return switch (input.effect()) {
            case VALUE -> input.paths().size() == 1 ? Optional.of(input.paths().getFirst()) : Optional.empty();
            case FACTOR -> {
                JsonNode document = document();
                yield input.paths().stream().filter(p -> !p.contains("*")).filter(p -> {
                    JsonNode at = nodeAt(document, p);
                    return at != null && (at.isNumber() || at.has("distribution"));
                }).findFirst();
            }
            case THROUGHPUT -> Optional.empty();
        };
    }

    private String pathOf(UncertainInput input) {
        return editablePath(input).orElseThrow(() -> new InvalidInputException(input.name(),
                "is not a number of the scenario: it takes no distribution of its own"));
    }

    /** The number now at the input's editable path, as a plain evaluation reads it. */
    public Optional<Double> currentValue(UncertainInput input) {
        JsonNode document = document();
        String path = pathOf(input);
        JsonNode at = nodeAt(document, path);
        return UncertainNumbers.written(at, path).map(UncertainNumbers.Written::value)
                .or(() -> at != null && at.isNumber() ? Optional.of(at.asDouble()) : Optional.empty())
                .or(() -> input.effect() == UncertainInput.Effect.VALUE ? Optional.of(input.distribution().value()) : Optional.empty());
    }

    /**
     * Writes {@code distribution} at the input's path as one edit.
     *
     * @throws InvalidInputException naming the field when the scenario would not accept it; nothing is changed
     */
    public String setDistribution(UncertainInput input, Distribution distribution) {
        String path = pathOf(input);
        ObjectNode trial = document();
        put(trial, path, UncertainNumbers.toJson(distribution));
        // The whole check a run makes (the distribution, the field's range at both ends, the scenario itself).
        monteCarlo.apply(trial.toString(), false);
        editScenario.accept(doc -> put(doc, path, UncertainNumbers.toJson(distribution)));
        return path + " is now " + distribution.describe() + " (Edit > Undo takes it back).";
    }

    /** Puts a plain number (the distribution's value) back at a path the scenario gave a distribution. */
    public String removeDistribution(UncertainInput input) {
        String path = pathOf(input);
        double value = currentValue(input).orElseThrow();
        editScenario.accept(doc -> DocumentPaths.set(doc, path, value));
        return path + " is a plain number again: " + Distribution.describeNumber(value) + ".";
    }

    /** Whether the scenario itself declares this input (as opposed to a standard one). */
    public boolean declared(UncertainInput input) {
        Optional<String> path = editablePath(input);
        JsonNode at = path.map(p -> nodeAt(document(), p)).orElse(null);
        return at instanceof ObjectNode object && object.has("distribution");
    }

    private ObjectNode document() {
        try {
            return (ObjectNode) JsonSupport.mapper().readTree(scenarioJson.get());
        } catch (java.io.IOException | ClassCastException e) {
            throw new InvalidInputException("scenario", "is not a JSON object: " + e.getMessage());
        }
    }

    /** "tiers[1].outputUsdPerMillion" as a JSON pointer, "/tiers/1/outputUsdPerMillion". */
    static String pointer(String path) {
        return "/" + path.replace("[", ".").replace("]", "").replace(".", "/");
    }

    private static JsonNode nodeAt(JsonNode document, String path) {
        JsonNode node = document.at(pointer(path));
        return node.isMissingNode() ? null : node;
    }

    private static void put(ObjectNode document, String path, JsonNode value) {
        String at = pointer(path);
        int last = at.lastIndexOf('/');
        String name = at.substring(last + 1);
        String parentAt = at.substring(0, last);
        JsonNode parent = last == 0 ? document
                : document.at(parentAt).isMissingNode() ? document.withObject(parentAt) : document.at(parentAt);
        if (parent instanceof ObjectNode object) {
            object.set(name, value);
        } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array && name.chars().allMatch(Character::isDigit)) {
            array.set(Integer.parseInt(name), value);
        } else {
            throw new InvalidInputException(path, "is not a field of this scenario");
        }
    }

    private void refreshIfActive() {
        if (active) {
            refresh();
        }
    }

    private void refresh() {
        String json = scenarioJson.get();
        if (json == null || json.isBlank()) {
            run.cancel();
            message.set("Open a valid scenario to see how far its results can move.");
            return;
        }
        int n = draws.get();
        long s = seed.get();
        boolean standard = standardInputs.get();
        List<Object> key = List.of(json, n, s, standard);
        if (key.equals(ranFor) && (result.get() != null || run.runningProperty().get())) {
            return;
        }
        ranFor = key;
        message.set(String.format(Locale.ROOT, "Drawing %,d scenarios…", n));
        run.start(work -> monteCarlo.apply(json, standard).run(n, s, SimulationProgress.of(fraction -> work.update(fraction, ""), work::cancelled)),
                new LatestRun.Outcome<UncertaintyResult>() {
                    @Override
                    public void succeeded(UncertaintyResult value) {
                        message.set("");
                        summary.set(summaryOf(value));
                        result.set(value);
                    }

                    @Override
                    public void failed(Throwable error) {
                        ranFor = null;
                        message.set(error instanceof InvalidInputException invalid
                                ? "Cannot draw: " + invalid.field() + ": " + invalid.reason()
                                : error instanceof java.util.concurrent.CancellationException ? "Cancelled: nothing drawn."
                                : "The run failed: " + Objects.requireNonNullElse(error.getMessage(), error.getClass().getSimpleName()));
                    }

                    @Override
                    public void cancelled() {
                        ranFor = null;
                        message.set(result.get() == null ? "Cancelled: nothing drawn." : "Cancelled: showing the last run.");
                    }
                });
    }

    static String summaryOf(UncertaintyResult r) {
        var profit = r.operatingProfitUsdPerMonth();
        var cost = r.costPerMillionOutputTokensUsd();
        var gpus = r.gpusRequired();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Over %,d draws: operating profit in month 1 %s to %s per month (p10 to p90, median %s); cost per million output "
                        + "tokens %s to %s; GPUs %,.0f to %,.0f. ", r.validDraws(), usd(profit.p10()), usd(profit.p90()), usd(profit.p50()),
                money(cost.p10()), money(cost.p90()), gpus.p10(), gpus.p90()));
        double chance = r.probabilityOfBreakEven() * 100;
        if (r.breakEvenMonth() == null) {
            text.append(String.format(Locale.ROOT, "No draw breaks even within the horizon."));
        } else {
            text.append(String.format(Locale.ROOT, "%.0f%% of draws break even within the horizon, the median of those in month %.0f.",
                    chance, r.breakEvenMonth().p50()));
        }
        if (r.rejectedDraws() > 0) {
            text.append(String.format(Locale.ROOT, " %,d draws were left out: %s.", r.rejectedDraws(), r.firstRejection()));
        }
        return text.toString();
    }

    static String usd(double value) {
        double magnitude = Math.abs(value);
        String sign = value < 0 ? "-" : "";
        if (magnitude >= 1e6) {
            return String.format(Locale.ROOT, "%s$%.2fM", sign, magnitude / 1e6);
        }
        if (magnitude >= 1e3) {
            return String.format(Locale.ROOT, "%s$%.1fk", sign, magnitude / 1e3);
        }
        return String.format(Locale.ROOT, "%s$%.0f", sign, magnitude);
    }

    static String money(double usd) {
        return String.format(Locale.ROOT, "$%.3g", usd);
    }
}
