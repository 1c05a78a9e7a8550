package io.inferplan.app.optimize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.analysis.Analysis;
import io.inferplan.app.tasks.LatestRun;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.cli.search.CatalogCandidates;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.optimize.Candidate;
import io.inferplan.engine.optimize.ConfigurationSearch;
import io.inferplan.engine.optimize.RankedConfiguration;
import io.inferplan.engine.optimize.SearchOptions;
import io.inferplan.engine.optimize.SearchProgress;
import io.inferplan.engine.optimize.SearchResult;
import io.inferplan.engine.optimize.TailSimulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The Optimize page's state and actions. While the page is shown it searches the catalog for the open scenario's
 * workload (every part with a price, at its parallel layouts, precisions, stacks and speculative decoding), off the
 * FX thread with progress and cancel, again whenever the scenario, the catalog, the prices or a filter change.
 * The rows are ranked as the engine ranks them (meeting the targets first, cheapest per output token first); a part
 * without a price is listed, never dropped. {@link #apply} writes the selected configuration into the scenario as
 * one edit, which Edit > Undo takes back.
 */
public final class OptimizeViewModel {
    /** Rows in the table: enough to compare every part's best few, few enough to read. */
    public static final int ROWS_SHOWN = 200;
    /** Parts without a price named in the summary; the rest are counted. */
    static final int UNPRICED_NAMED = 6;
    public static final List<Integer> MAX_GPU_CHOICES = List.of(1, 2, 4, 8, 16, 32, 64, SearchOptions.MAX_GPUS_PER_REPLICA);

    /** Rows the serving simulator looks at after each search (the first of the ranking). */
    public static final int SIMULATED_ROWS = TailSimulation.DEFAULT_ROWS;

    /**
     * One finished search, with the prices each part was compared at.
     *
     * @param tails what the serving simulator found on the first rows; null until it has run (or when cancelled)
     */
    public record Outcome(SearchResult result, CatalogCandidates.Parts parts, Analysis searched, TailSimulation.Result tails) {
        /** The search alone, before the simulator. */
        public Outcome(SearchResult result, CatalogCandidates.Parts parts, Analysis searched) {
            this(result, parts, searched, null);
        }

        /** The same search with the simulator's rows in place of the ranked ones. */
        Outcome withTails(TailSimulation.Result simulated) {
            SearchResult r = result;
            return new Outcome(new SearchResult(r.searched(), r.pruned(), r.infeasible(), r.elapsedNanos(), simulated.ranked(),
                    r.frontier(), r.cancelled()), parts, searched, simulated);
        }

        /** The price the search used for this part. */
        public Candidate candidateOf(RankedConfiguration configuration) {
            return parts.candidates().stream().filter(c -> c.accelerator().id().equals(configuration.accelerator()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no candidate for " + configuration.accelerator()));
        }
    }

    private final ObservableValue<Analysis> analysis;
    private final Supplier<AcceleratorCatalog> catalog;
    private final Supplier<Map<String, Double>> ownUsdPerGpuHour;
    private final Consumer<Consumer<ObjectNode>> editScenario;
    private final Supplier<ConfigurationSearch> search;
    private final Supplier<TailSimulation> tails;
    private final LatestRun run;
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ObservableList<RankedConfiguration> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Open a valid scenario to search configurations for it.");
    private final ObjectProperty<Precision> precisionFloor = new SimpleObjectProperty<>(Precision.FP4);
    private final IntegerProperty maxGpusPerReplica = new SimpleIntegerProperty(SearchOptions.MAX_GPUS_PER_REPLICA);
    private final ObservableSet<String> vendors = FXCollections.observableSet(new TreeSet<>());
    private final BooleanProperty onlyMeetingTargets = new SimpleBooleanProperty(false);
    private final ObjectProperty<RankedConfiguration> selected = new SimpleObjectProperty<>();
    private boolean active;
    private Object searchedKey;

    public OptimizeViewModel(ObservableValue<Analysis> analysis, Supplier<AcceleratorCatalog> catalog,
                             Supplier<Map<String, Double>> ownUsdPerGpuHour, Consumer<Consumer<ObjectNode>> editScenario,
                             Supplier<ConfigurationSearch> search, Supplier<TailSimulation> tails, TaskRunner runner) {
        this.analysis = analysis;
        this.catalog = catalog;
        this.ownUsdPerGpuHour = ownUsdPerGpuHour;
        this.editScenario = editScenario;
        this.search = search;
        this.tails = tails;
        this.run = new LatestRun(runner);
        analysis.addListener((obs, old, next) -> refreshIfActive());
        precisionFloor.addListener((obs, old, next) -> refreshIfActive());
        maxGpusPerReplica.addListener((obs, old, next) -> refreshIfActive());
        vendors.addListener((javafx.collections.SetChangeListener<String>) change -> refreshIfActive());
        onlyMeetingTargets.addListener((obs, old, next) -> showRows());
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The ranked configurations shown (the best {@value #ROWS_SHOWN}, filtered). */
    public ObservableList<RankedConfiguration> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why there is nothing (new) to show; empty once a result is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Narrowest weight and KV format searched (FP4: all). */
    public ObjectProperty<Precision> precisionFloorProperty() {
        return precisionFloor;
    }

    public IntegerProperty maxGpusPerReplicaProperty() {
        return maxGpusPerReplica;
    }

    /** Vendors searched; empty: all. */
    public ObservableSet<String> vendors() {
        return vendors;
    }

    /** The vendors of the catalog in use, for the filter. */
    public List<String> knownVendors() {
        return catalog.get().entries().stream().map(CatalogEntry::vendor).distinct().sorted().toList();
    }

    public BooleanProperty onlyMeetingTargetsProperty() {
        return onlyMeetingTargets;
    }

    public ObjectProperty<RankedConfiguration> selectedProperty() {
        return selected;
    }

    public void activate() {
        active = true;
        refresh();
    }

    public void deactivate() {
        active = false;
        run.cancel();
        if (outcome.get() == null) {
            searchedKey = null;
        }
    }

    public void cancel() {
        run.cancel();
    }

    /** Searches the shown scenario again. */
    public void searchAgain() {
        searchedKey = null;
        refresh();
    }

    /**
     * Writes the configuration into the open scenario (one undoable edit) and says what changed; the dashboard
     * evaluates it like any edit.
     */
    public String apply(RankedConfiguration configuration) {
        Outcome shown = Objects.requireNonNull(outcome.get(), "no search result to apply from");
        Candidate pricedAs = shown.candidateOf(configuration);
        editScenario.accept(document -> ConfigurationEdit.apply(document, configuration, pricedAs));
        return "Applied " + configuration.describe() + " at " + pricedAs.priceSource() + " (Edit > Undo takes it back).";
    }

    private void refreshIfActive() {
        if (active) {
            refresh();
        }
    }

    private void refresh() {
        Analysis next = analysis.getValue();
        if (next == null) {
            run.cancel();
            message.set("Open a valid scenario to search configurations for it.");
            return;
        }
        AcceleratorCatalog parts = catalog.get();
        Map<String, Double> prices = Map.copyOf(ownUsdPerGpuHour.get());
        SearchOptions options = SearchOptions.defaults().withPrecisionFloor(precisionFloor.get())
                .withMaxGpusPerReplica(maxGpusPerReplica.get()).withFrontier(true);
        List<String> onlyVendors = List.copyOf(vendors);
        Object key = List.of(next.resolved(), parts, prices, options, onlyVendors);
        if (key.equals(searchedKey) && (outcome.get() != null || run.runningProperty().get())) {
            return;
        }
        searchedKey = key;
        message.set("Searching…");
        run.start(work -> {
            CatalogCandidates.Parts candidates = CatalogCandidates.parts(parts, next.resolved(), prices, null,
                    onlyVendors.isEmpty() ? null : onlyVendors);
            if (candidates.candidates().isEmpty()) {
                throw new InvalidInputException("accelerators", "no part with a price to search"
                        + (candidates.unpriced().isEmpty() ? "" : "; no price: " + String.join(", ", candidates.unpriced())));
            }
            SearchResult result = search.get().search(next.resolved(), candidates.candidates(), options,
                    SearchProgress.of(fraction -> work.update(fraction, ""), work::cancelled));
            return new Outcome(result, candidates, next);
        }, new LatestRun.Outcome<Outcome>() {
            @Override
            public void succeeded(Outcome value) {
                show(value);
            }

            @Override
            public void failed(Throwable error) {
                searchedKey = null;
                message.set(error instanceof InvalidInputException invalid ? "Nothing to search: " + invalid.reason()
                        : "The search failed: " + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()));
            }

            @Override
            public void cancelled() {
                searchedKey = null;
                message.set(outcome.get() == null ? "Cancelled: nothing searched." : "Cancelled: showing the last search.");
            }
        });
    }

    private void show(Outcome value) {
        message.set(value.result().cancelled() ? "Cancelled part-way: showing what was searched." : "");
        summary.set(summaryOf(value));
        outcome.set(value);
        showRows();
        if (!value.result().cancelled() && value.tails() == null) {
            simulateTop(value);
        }
    }

    /**
     * The second step, after the rows are shown: the serving simulator on the first rows for their p99 latencies and
     * the fleet it needs (a few seconds for long replies), off the FX thread with the same progress bar and Cancel.
     * A new search supersedes it like any run.
     */
    private void simulateTop(Outcome searched) {
        message.set("Simulating the first " + SIMULATED_ROWS + " rows for their p99 latencies…");
        run.start(work -> searched.withTails(tails.get().simulate(searched.searched().resolved(), searched.parts().candidates(),
                        searched.result().configurations(), SIMULATED_ROWS,
                        io.inferplan.engine.sim.SimulationProgress.of(fraction -> work.update(fraction, ""), work::cancelled))),
                new LatestRun.Outcome<Outcome>() {
                    @Override
                    public void succeeded(Outcome value) {
                        message.set(value.tails().cancelled() ? "Simulation cancelled: p99 columns left empty where not done." : "");
                        summary.set(summaryOf(value));
                        outcome.set(value);
                        showRows();
                    }

                    @Override
                    public void failed(Throwable error) {
                        message.set("The simulation failed: " + (error.getMessage() == null ? error.getClass().getSimpleName()
                                : error.getMessage()) + "; the ranking stands without p99 columns.");
                    }

                    @Override
                    public void cancelled() {
                        message.set("Simulation cancelled: the ranking stands without p99 columns.");
                    }
                });
    }

    private void showRows() {
        Outcome shown = outcome.get();
        if (shown == null) {
            rows.clear();
            return;
        }
        RankedConfiguration was = selected.get();
        List<RankedConfiguration> kept = new ArrayList<>();
        for (RankedConfiguration c : shown.result().configurations()) {
            if (kept.size() == ROWS_SHOWN) {
                break;
            }
            if (!onlyMeetingTargets.get() || c.meetsLatencyTargets()) {
                kept.add(c);
            }
        }
        rows.setAll(kept);
        // The simulator's rows are new records of the same configurations: the selection follows its configuration.
        selected.set(was == null ? null : kept.stream().filter(c -> c.describe().equals(was.describe())).findFirst().orElse(null));
    }

    static String summaryOf(Outcome value) {
        SearchResult r = value.result();
        long meeting = r.configurations().stream().filter(RankedConfiguration::meetsLatencyTargets).count();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Searched %,d configurations on %d parts in %,d ms: %,d feasible, %,d meet the latency targets.",
                r.searched(), value.parts().candidates().size(), r.elapsedMillis(), r.configurations().size(), meeting));
        if (value.tails() != null && value.tails().simulated() > 0) {
            text.append(String.format(Locale.ROOT, " Simulated the first %d in %,d ms.", value.tails().simulated(),
                    value.tails().elapsedMillis()));
        }
        RankedConfiguration best = r.best();
        if (best != null) {
            text.append(String.format(Locale.ROOT, " Cheapest: %s, $%.3f per million output tokens on %d GPUs.",
                    best.describe(), best.costPerMillionOutputTokensUsd(), best.gpusTotal()));
        } else if (!r.configurations().isEmpty()) {
            text.append(" None meets the targets: the rows show what each costs without them.");
        }
        List<String> unpriced = value.parts().unpriced();
        if (!unpriced.isEmpty()) {
            int named = Math.min(unpriced.size(), UNPRICED_NAMED);
            text.append(" No price for ").append(unpriced.size()).append(unpriced.size() == 1 ? " part (" : " parts (")
                    .append(String.join(", ", unpriced.subList(0, named)))
                    .append(unpriced.size() > named ? " and " + (unpriced.size() - named) + " more" : "")
                    .append("): set one in the Catalog page.");
        }
        return text.toString();
    }
}
