package io.inferplan.app.evaluation;

import io.inferplan.analysis.AcceleratorCost;
import io.inferplan.analysis.Analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.catalog.AcceleratorCatalog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationServiceTest {
    private final AnalysisFixture fixture = new AnalysisFixture();

    @Test
    void publishesTheScenarioFirstAndTheAcceleratorSweepSecond() {
        List<Analysis> published = new ArrayList<>();
        fixture.evaluation.analysisProperty().addListener((obs, old, next) -> published.add(next));
        fixture.evaluation.request(AnalysisFixture.consumerChat());
        assertEquals(3, published.size(), "one publication per phase");
        assertFalse(published.get(0).acceleratorSweepDone(), "the first phase does not wait for the sweep");
        assertFalse(published.get(0).sizingDone(), "nor for the simulator");
        assertTrue(published.get(1).acceleratorSweepDone());
        assertSame(published.get(0).result(), published.get(1).result(), "the sweep completes the same result");
        assertTrue(published.get(2).sizingDone() && published.get(2).acceleratorSweepDone());
        assertTrue(published.get(2).simulated(), "the chat sample's latency targets are reachable in simulation");
        assertSame(published.get(0).steadyState(), published.get(2).steadyState());
        assertEquals(published.get(2).sizing().gpus(), published.get(2).result().capacity().gpusRequired(),
                "once simulated, the fleet shown is the simulated one");
        assertFalse(published.get(1).acceleratorSweep().costs().isEmpty(), "the sample's model fits priced parts");
        assertTrue(published.get(1).acceleratorSweep().costs().stream().anyMatch(AcceleratorCost::chosen),
                "the scenario's own part is always among the bars");
        assertFalse(fixture.evaluation.runningProperty().get());
        assertFalse(fixture.evaluation.sweepingProperty().get());
    }

    @Test
    void aBadDocumentKeepsTheLastGoodAnalysisAndNamesTheField() {
        fixture.evaluation.request(AnalysisFixture.consumerChat());
        Analysis good = fixture.evaluation.analysisProperty().get();
        fixture.evaluation.request(AnalysisFixture.consumerChat().replaceFirst("\"mean\"\\s*:\\s*[0-9.]+", "\"mean\": -5"));
        assertSame(good, fixture.evaluation.analysisProperty().get());
        EvaluationService.Problem problem = fixture.evaluation.problemProperty().get();
        assertNotNull(problem);
        assertTrue(problem.field() != null && problem.field().startsWith("workload."), String.valueOf(problem.field()));
        fixture.evaluation.request(AnalysisFixture.consumerChat());
        assertNull(fixture.evaluation.problemProperty().get(), "a good document clears the problem");
    }

    @Test
    void requestsDuringAnEvaluationCoalesceIntoTheNewestAndStaleResultsAreDropped() {
        QueuedRunner runner = new QueuedRunner();
        EvaluationService service = new EvaluationService(fixture.analyzer, runner);
        List<Analysis> published = new ArrayList<>();
        service.analysisProperty().addListener((obs, old, next) -> published.add(next));
        String chat = AnalysisFixture.consumerChat();
        service.request(chat);
        service.request(described(chat, "second"));
        service.request(described(chat, "third"));
        assertEquals(1, runner.queued(), "one evaluation at a time; the later requests wait as one");
        runner.runNext();
        assertTrue(published.isEmpty(), "the first result is stale: newer documents were requested meanwhile");
        assertEquals(1, runner.queued());
        runner.runNext();
        assertEquals("third", published.getLast().result().description(), "the newest document is the one shown");
        runner.runAll();
        assertTrue(published.getLast().acceleratorSweepDone() && published.getLast().sizingDone());
    }

    @Test
    void aNewEditCancelsTheSweepAndTheSizingOfTheLastOne() {
        QueuedRunner runner = new QueuedRunner();
        EvaluationService service = new EvaluationService(fixture.analyzer, runner);
        String chat = AnalysisFixture.consumerChat();
        service.request(chat);
        runner.runNext();
        assertTrue(service.sweepingProperty().get(), "the sweep is queued behind the first phase");
        assertTrue(service.sizingProperty().get(), "and so is the simulated sizing");
        service.request(described(chat, "edited"));
        assertFalse(service.sweepingProperty().get());
        assertFalse(service.sizingProperty().get());
        runner.runAll();
        assertEquals("edited", service.analysisProperty().get().result().description());
        assertTrue(service.analysisProperty().get().acceleratorSweepDone(), "the edited document gets its own sweep");
    }

    @Test
    void everyChangeOfInputIsOneRouteToANewEvaluation() {
        String[] document = {AnalysisFixture.consumerChat()};
        fixture.evaluation.follow(fixture.changes, () -> document[0]);
        fixture.changes.publish(InputChange.OPENED);
        Analysis opened = fixture.evaluation.analysisProperty().get();
        assertNotNull(opened);
        String chosen = opened.result().accelerator();
        fixture.inputs.useOwnPrices(Map.of("h100-sxm-80gb", 0.5));
        Analysis cheaper = fixture.evaluation.analysisProperty().get();
        assertTrue(cheaper.result().tokenCosts().costPerMillionOutputTokensUsd() > 0);
        assertFalse(opened == cheaper, "an own price is a change of input: the scenario was evaluated again (" + chosen + ")");
        fixture.inputs.useOwnPrices(Map.of("h100-sxm-80gb", 0.5));
        assertSame(cheaper, fixture.evaluation.analysisProperty().get(), "the same prices again change nothing");
        fixture.inputs.useCatalog(AcceleratorCatalog.of(AcceleratorCatalog.bundled().entries()));
        assertFalse(cheaper == fixture.evaluation.analysisProperty().get(), "a catalog swap re-evaluates");
    }

    private static String described(String json, String description) {
        try {
            var document = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            document.put("description", description);
            return document.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs submitted work only when told, in order, on the test's thread. */
    static final class QueuedRunner implements TaskRunner {
        private final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public <T> Job submit(Work<T> work, Listener<T> listener) {
            CancelFlag job = new CancelFlag();
            queue.add(() -> TaskRunner.sameThread().submit(progress -> {
                if (job.isCancelled()) {
                    throw new InterruptedException("cancelled");
                }
                return work.call(new Progress() {
                    @Override
                    public void update(double fraction, String message) {
                    }

                    @Override
                    public boolean cancelled() {
                        return job.isCancelled();
                    }
                });
            }, new Listener<T>() {
                @Override
                public void succeeded(T value) {
                    if (job.isCancelled()) {
                        listener.cancelled();
                    } else {
                        listener.succeeded(value);
                    }
                }

                @Override
                public void failed(Throwable error) {
                    if (job.isCancelled()) {
                        listener.cancelled();
                    } else {
                        listener.failed(error);
                    }
                }
            }));
            return job;
        }

        int queued() {
            return queue.size();
        }

        void runNext() {
            queue.removeFirst().run();
        }

        void runAll() {
            while (!queue.isEmpty()) {
                runNext();
            }
        }
    }
}
