package io.inferplan.app.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.evaluation.AnalysisFixture;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.engine.scenario.Sensitivity.Metric;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SensitivityViewModelTest {
    private final AnalysisFixture fixture = new AnalysisFixture();
    private final String[] document = {null};
    private final AtomicInteger evaluations = new AtomicInteger();
    private final SensitivityViewModel model = new SensitivityViewModel(() -> document[0], fixture.evaluation.analysisProperty(),
            json -> {
                evaluations.incrementAndGet();
                return fixture.analyzer.evaluate(json);
            }, TaskRunner.sameThread());

    @Test
    void withNoScenarioItSaysWhyAndComputesNothing() {
        model.activate();
        assertNull(model.resultProperty().get());
        assertTrue(model.messageProperty().get().startsWith("Open a valid scenario"));
        assertEquals(0, evaluations.get());
    }

    @Test
    void computesOnlyWhileShownAndAgainForEachNewResultOrChoice() {
        document[0] = AnalysisFixture.consumerChat();
        fixture.evaluation.request(document[0]);
        assertNull(model.resultProperty().get(), "not shown: nothing computed");
        model.activate();
        var first = model.resultProperty().get();
        assertNotNull(first);
        assertEquals(Metric.OPERATING_PROFIT, first.metric());
        assertFalse(first.swings().isEmpty());
        assertTrue(model.summaryProperty().get().matches("Operating profit now -?\\$.* per month · largest: .*"), model.summaryProperty().get());
        assertFalse(model.runningProperty().get());
        assertEquals(1.0, model.progressProperty().get(), 1e-9);
        model.stepProperty().set(0.5);
        assertEquals(0.5, model.resultProperty().get().step(), 1e-12, "a new step recomputes at once");
        int before = evaluations.get();
        model.deactivate();
        model.metricProperty().set(Metric.GPUS_NEEDED);
        assertEquals(before, evaluations.get(), "hidden: a change of choice waits for the page");
        model.activate();
        assertEquals(Metric.GPUS_NEEDED, model.resultProperty().get().metric());
    }

    @Test
    void cancellingStopsTheRunInProgressAndKeepsWhatWasShown() {
        document[0] = AnalysisFixture.consumerChat();
        fixture.evaluation.request(document[0]);
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        TaskRunner deferred = new TaskRunner() {
            @Override
            public <T> Job submit(Work<T> work, Listener<T> listener) {
                CancelFlag job = new CancelFlag();
                queued.add(() -> {
                    if (job.isCancelled()) {
                        listener.cancelled();
                    } else {
                        TaskRunner.sameThread().submit(work, listener);
                    }
                });
                return job;
            }
        };
        SensitivityViewModel later = new SensitivityViewModel(() -> document[0], fixture.evaluation.analysisProperty(),
                fixture.analyzer::evaluate, deferred);
        later.activate();
        assertTrue(later.runningProperty().get(), "the run is under way");
        later.cancel();
        queued.forEach(Runnable::run);
        assertFalse(later.runningProperty().get(), "a cancelled run is over");
        assertNull(later.resultProperty().get(), "and shows nothing it did not finish");
        later.recompute();
        queued.getLast().run();
        assertNotNull(later.resultProperty().get(), "a new run after a cancel finishes");
    }
}
