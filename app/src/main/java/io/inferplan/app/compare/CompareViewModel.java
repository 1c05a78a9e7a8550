package io.inferplan.app.compare;

import io.inferplan.cli.text.Formats;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.app.workspace.StoredScenario;
import io.inferplan.app.workspace.WorkspaceStore;
import io.inferplan.engine.scenario.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The compare page's state and actions: the workspace's scenarios, the ones ticked (remembered in the workspace
 * across restarts), and their evaluations as one row per figure. Ticking starts a new evaluation of all the ticked
 * scenarios; only the newest request may fill the table.
 */
public final class CompareViewModel {
    static final String SELECTION_SETTING = "compare.selection";
    /** With nothing remembered, the page starts with this many scenarios ticked, to have something to look at. */
    static final int FIRST_TICKED = 3;

    /** One ticked scenario's evaluation: its result, or why it has none. */
    public record Outcome(String scenario, ScenarioResult result, String error) {
    }

    /** One figure across the compared scenarios, in the order they are ticked. */
    public record Row(String figure, List<String> values) {
    }

    /** What the table and chart show: the outcomes and their rows. */
    public record Comparison(List<Outcome> outcomes, List<Row> rows) {
        public static final Comparison NONE = new Comparison(List.of(), List.of());

        public long failed() {
            return outcomes.stream().filter(o -> o.result() == null).count();
        }
    }

    private final ObservableList<StoredScenario> scenarios;
    private final WorkspaceStore store;
    private final Function<String, ScenarioResult> evaluate;
    private final TaskRunner runner;
    private final ObservableList<StoredScenario> checked = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(Comparison.NONE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private long generation;
    /** False until the saved selection is back: ticking it again must not overwrite what is saved. */
    private boolean selectionRestored;
    private boolean active;

    /**
     * @param scenarios the workspace's scenarios, as the scenario list shows them
     * @param evaluate  evaluates one scenario's document (called off the FX thread)
     */
    public CompareViewModel(ObservableList<StoredScenario> scenarios, WorkspaceStore store, Function<String, ScenarioResult> evaluate,
                            TaskRunner runner) {
        this.scenarios = scenarios;
        this.store = store;
        this.evaluate = evaluate;
        this.runner = runner;
        scenarios.addListener((ListChangeListener<StoredScenario>) change -> {
            if (active && !selectionRestored) {
                restoreSelectionOnce();
                refresh();
            }
        });
    }

    public ObservableList<StoredScenario> scenarios() {
        return scenarios;
    }

    /** The ticked scenarios, in the list's order; change them with {@link #check(List)}. */
    public ObservableList<StoredScenario> checked() {
        return FXCollections.unmodifiableObservableList(checked);
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why there is no chart (empty while there is one to show). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The user ticked or unticked: remembered (once the saved selection is back) and compared. */
    public void check(List<StoredScenario> ticked) {
        checked.setAll(ticked);
        if (selectionRestored) {
            rememberSelection();
        }
        refresh();
    }

    /** The page came to the front. */
    public void activate() {
        active = true;
        restoreSelectionOnce();
        refresh();
    }

    public void deactivate() {
        active = false;
    }

    /**
     * The page can be shown before the workspace's scenarios are listed (it was the page open at closing): the
     * saved selection is restored once there is something to tick, and only then saved again.
     */
    private void restoreSelectionOnce() {
        if (selectionRestored || scenarios.isEmpty()) {
            return;
        }
        checked.setAll(savedSelection());
        selectionRestored = true;
        rememberSelection();
    }

    /** The scenarios ticked when the app last closed, those still in the workspace; else the first three. */
    private List<StoredScenario> savedSelection() {
        String saved = store.settings().getOrDefault(SELECTION_SETTING, "");
        List<String> ids = saved.isBlank() ? List.of() : List.of(saved.split(","));
        List<StoredScenario> ticked = scenarios.stream().filter(s -> ids.contains(s.id().toString())).toList();
        return ticked.isEmpty() ? List.copyOf(scenarios.subList(0, Math.min(FIRST_TICKED, scenarios.size()))) : ticked;
    }

    private void rememberSelection() {
        store.putSettingLater(SELECTION_SETTING, String.join(",", checked.stream().map(s -> s.id().toString()).toList()));
    }

    private void refresh() {
        List<StoredScenario> chosen = List.copyOf(checked);
        long request = ++generation;
        if (chosen.size() < 2) {
            status.set("Tick two or more scenarios.");
        }
        if (chosen.isEmpty()) {
            comparison.set(Comparison.NONE);
            message.set("Tick scenarios on the left to compare them.");
            return;
        }
        status.set("Evaluating " + chosen.size() + " scenarios…");
        runner.submit(() -> evaluateAll(chosen), outcomes -> {
            if (request == generation) {
                show(outcomes);
            }
        }, error -> {
            if (request == generation) {
                status.set("Could not compare: " + error.getMessage());
            }
        });
    }

    private List<Outcome> evaluateAll(List<StoredScenario> chosen) {
        List<Outcome> outcomes = new ArrayList<>();
        for (StoredScenario scenario : chosen) {
            try {
                outcomes.add(new Outcome(scenario.name(), evaluate.apply(scenario.documentJson()), null));
            } catch (RuntimeException e) {
                outcomes.add(new Outcome(scenario.name(), null, e.getMessage()));
            }
        }
        return outcomes;
    }

    private void show(List<Outcome> outcomes) {
        Comparison next = new Comparison(List.copyOf(outcomes), rows(outcomes));
        message.set("");
        status.set(outcomes.size() + " scenarios" + (next.failed() > 0 ? " · " + next.failed() + " could not be evaluated (see the table)" : ""));
        comparison.set(next);
    }

    static List<Row> rows(List<Outcome> outcomes) {
        return List.of(
                row("Model", outcomes, ScenarioResult::model),
                row("Accelerator", outcomes, ScenarioResult::accelerator),
                row("GPUs needed", outcomes, r -> Integer.toString(r.capacity().gpusRequired())),
                row("Cost per M input tokens", outcomes, r -> Formats.usd(r.tokenCosts().costPerMillionInputTokensUsd())),
                row("Cost per M output tokens", outcomes, r -> Formats.usd(r.tokenCosts().costPerMillionOutputTokensUsd())),
                row("Cost per M tokens, blended", outcomes, r -> Formats.usd(r.tokenCosts().costPerMillionTokensBlendedUsd())),
                row("Revenue per month", outcomes, r -> Formats.usd(r.totals().revenueUsdPerMonth())),
                row("Serving cost per month", outcomes, r -> Formats.usd(r.totals().servingCostUsdPerMonth())),
                row("Gross margin", outcomes, r -> r.totals().grossMarginPercent() == null ? "–"
                        : String.format(Locale.ROOT, "%.1f%%", r.totals().grossMarginPercent())),
                row("Break-even month", outcomes, r -> r.breakEven().breakEvenMonth() == null ? "never"
                        : Integer.toString(r.breakEven().breakEvenMonth())),
                row("Limited by", outcomes, r -> r.replica().limitedBy()),
                row("Trust", outcomes, r -> r.replica().errorBand()));
    }

    private static Row row(String figure, List<Outcome> outcomes, Function<ScenarioResult, String> value) {
        return new Row(figure, outcomes.stream().map(o -> o.result() != null ? value.apply(o.result()) : "error: " + o.error()).toList());
    }
}
