package io.inferplan.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.compare.CompareViewModel.Comparison;
import io.inferplan.app.compare.CompareViewModel.Row;
import io.inferplan.app.evaluation.AnalysisFixture;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.app.workspace.SampleLibrary;
import io.inferplan.app.workspace.StoredScenario;
import io.inferplan.app.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareViewModelTest {
    @TempDir
    Path directory;
    private final AnalysisFixture fixture = new AnalysisFixture();
    private WorkspaceStore store;
    private List<StoredScenario> samples;
    private final ObservableList<StoredScenario> scenarios = FXCollections.observableArrayList();

    @BeforeEach
    void open() {
        store = WorkspaceStore.open(directory);
        samples = store.createAll(SampleLibrary.samples());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private CompareViewModel model(TaskRunner runner) {
        return new CompareViewModel(scenarios, store, fixture.analyzer::evaluate, runner);
    }

    private String savedSelection() {
        store.flush();
        return store.settings().get(CompareViewModel.SELECTION_SETTING);
    }

    private static String ids(List<StoredScenario> scenarios) {
        return scenarios.stream().map(s -> s.id().toString()).collect(Collectors.joining(","));
    }

    private static Row row(Comparison comparison, String figure) {
        return comparison.rows().stream().filter(r -> r.figure().equals(figure)).findFirst().orElseThrow();
    }

    @Test
    void aFirstVisitTicksTheFirstThreeComparesThemAndRemembersThem() {
        scenarios.setAll(samples);
        CompareViewModel model = model(TaskRunner.sameThread());
        model.activate();
        assertEquals(samples.subList(0, 3), model.checked());
        Comparison comparison = model.comparisonProperty().get();
        assertEquals(List.of("Model", "Accelerator", "GPUs needed", "Cost per M input tokens", "Cost per M output tokens",
                "Cost per M tokens, blended", "Revenue per month", "Serving cost per month", "Gross margin", "Break-even month",
                "Limited by", "Trust"), comparison.rows().stream().map(Row::figure).toList());
        List<String> gpus = samples.subList(0, 3).stream()
                .map(s -> Integer.toString(fixture.analyzer.evaluate(s.documentJson()).capacity().gpusRequired())).toList();
        assertEquals(gpus, row(comparison, "GPUs needed").values());
        assertEquals(samples.subList(0, 3).stream().map(StoredScenario::name).toList(),
                comparison.outcomes().stream().map(CompareViewModel.Outcome::scenario).toList());
        assertEquals("3 scenarios", model.statusProperty().get());
        assertEquals("", model.messageProperty().get());
        assertEquals(ids(samples.subList(0, 3)), savedSelection());
    }

    @Test
    void theSelectionTickedAtClosingComesBackNotTheFirstThree() {
        scenarios.setAll(samples);
        CompareViewModel before = model(TaskRunner.sameThread());
        before.activate();
        before.check(List.of(samples.get(1), samples.get(3)));
        assertEquals(ids(List.of(samples.get(1), samples.get(3))), savedSelection());

        CompareViewModel after = model(TaskRunner.sameThread());
        after.activate();
        assertEquals(List.of(samples.get(1), samples.get(3)), after.checked());
        assertEquals(2, after.comparisonProperty().get().outcomes().size());
    }

    @Test
    void shownBeforeTheListIsThereItWaitsAndKeepsWhatIsSaved() {
        String saved = ids(List.of(samples.get(0), samples.get(2)));
        store.putSettingLater(CompareViewModel.SELECTION_SETTING, saved);
        CompareViewModel model = model(TaskRunner.sameThread());
        model.activate();
        assertTrue(model.checked().isEmpty());
        assertEquals("Tick two or more scenarios.", model.statusProperty().get());
        assertEquals("Tick scenarios on the left to compare them.", model.messageProperty().get());
        assertEquals(saved, savedSelection(), "nothing ticked yet is not a selection to save");

        scenarios.setAll(samples);
        assertEquals(List.of(samples.get(0), samples.get(2)), model.checked());
        assertEquals(saved, savedSelection());
        assertEquals(2, model.comparisonProperty().get().outcomes().size());
    }

    @Test
    void aScenarioThatDoesNotEvaluateSaysWhyInItsColumn() {
        StoredScenario broken = store.create("Broken", AnalysisFixture.consumerChat().replace("\"tensorParallel\": 2", "\"tensorParallel\": 0"));
        scenarios.setAll(samples.getFirst(), broken);
        CompareViewModel model = model(TaskRunner.sameThread());
        model.activate();
        Comparison comparison = model.comparisonProperty().get();
        assertEquals(1, comparison.failed());
        String error = row(comparison, "GPUs needed").values().get(1);
        assertTrue(error.startsWith("error: ") && error.contains("tensorParallel"), error);
        assertEquals("2 scenarios · 1 could not be evaluated (see the table)", model.statusProperty().get());
    }

    @Test
    void onlyTheNewestRequestFillsTheTableAndUntickingAllEmptiesIt() {
        scenarios.setAll(samples);
        List<Runnable> queued = new ArrayList<>();
        TaskRunner deferred = new TaskRunner() {
            @Override
            public <T> Job submit(Work<T> work, Listener<T> listener) {
                queued.add(() -> TaskRunner.sameThread().submit(work, listener));
                return new CancelFlag();
            }
        };
        CompareViewModel model = model(deferred);
        model.check(List.of(samples.get(0), samples.get(1)));
        model.check(List.of(samples.get(2), samples.get(3)));
        assertEquals("Evaluating 2 scenarios…", model.statusProperty().get());
        queued.get(1).run();
        queued.get(0).run();
        assertEquals(List.of(samples.get(2).name(), samples.get(3).name()),
                model.comparisonProperty().get().outcomes().stream().map(CompareViewModel.Outcome::scenario).toList());

        model.check(List.of(samples.get(0), samples.get(1)));
        model.check(List.of());
        queued.getLast().run();
        queued.get(2).run();
        assertEquals(Comparison.NONE, model.comparisonProperty().get(), "a request made before the untick is moot");
        assertEquals("Tick scenarios on the left to compare them.", model.messageProperty().get());
    }
}
