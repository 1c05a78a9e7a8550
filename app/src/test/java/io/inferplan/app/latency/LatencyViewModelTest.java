package io.inferplan.app.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.evaluation.AnalysisFixture;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.engine.sim.ScenarioSimulation;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LatencyViewModelTest {
    private final AnalysisFixture fixture = new AnalysisFixture();
    private final AtomicInteger simulations = new AtomicInteger();
    private final LatencyViewModel model = new LatencyViewModel(fixture.evaluation.analysisProperty(), analysis -> {
        simulations.incrementAndGet();
        return fixture.analyzer.simulation(analysis);
    }, TaskRunner.sameThread());

    @Test
    void simulatesTheSizedScenarioAroundItsCapacityOnlyWhileShown() {
        model.activate();
        assertTrue(model.messageProperty().get().startsWith("Open a valid scenario"));
        model.deactivate();
        fixture.evaluation.request(AnalysisFixture.consumerChat());
        assertEquals(0, simulations.get(), "hidden: nothing simulated");
        model.activate();
        LatencyViewModel.Result result = model.resultProperty().get();
        assertNotNull(result);
        var sizing = fixture.evaluation.analysisProperty().get().sizing();
        assertTrue(sizing.reachable(), "the chat sample's targets are reachable");
        assertEquals(sizing.capacity().maxRequestsPerSecond(), result.curve().capacityRequestsPerSecond(), 1e-12,
                "the curve is drawn around the dashboard's capacity");
        assertEquals(LatencyViewModel.CURVE_POINTS, result.curve().points().size());
        for (ScenarioSimulation.CurvePoint point : result.curve().points()) {
            if (!point.overloaded()) {
                assertTrue(point.p99TtftSeconds() >= point.p50TtftSeconds(), "p99 >= p50 at " + point.requestsPerSecond());
                assertTrue(point.p99TpotSeconds() >= point.p50TpotSeconds());
            }
        }
        assertTrue(result.curve().points().stream().filter(p -> p.requestsPerSecond() <= result.capacity().maxRequestsPerSecond())
                .allMatch(ScenarioSimulation.CurvePoint::meetsTargets), "every rate up to the capacity meets the targets");
        assertTrue(result.atPeak());
        assertEquals(sizing.peakRequestsPerSecondPerReplica(), result.operatingPoint().requestsPerSecond(), 1e-12,
                "the tail is shown where one replica of the sized fleet runs at the peak");
        assertTrue(result.operatingPoint().ttftSeconds().length > 1000);
        assertTrue(model.summaryProperty().get().startsWith("capacity "), model.summaryProperty().get());
        assertEquals("", model.messageProperty().get());
        assertFalse(model.runningProperty().get());
        int runs = simulations.get();
        model.deactivate();
        model.activate();
        assertEquals(runs, simulations.get(), "coming back to an unchanged scenario simulates nothing again");
        model.recompute();
        assertEquals(runs + 1, simulations.get(), "simulate again does");
    }

    @Test
    void aCancelledRunSaysSoAndShowsNothingItDidNotFinish() {
        fixture.evaluation.request(AnalysisFixture.consumerChat());
        LatencyViewModel cancelling = new LatencyViewModel(fixture.evaluation.analysisProperty(), fixture.analyzer::simulation,
                new TaskRunner() {
                    @Override
                    public <T> Job submit(Work<T> work, Listener<T> listener) {
                        CancelFlag job = new CancelFlag();
                        job.cancel();
                        return TaskRunner.sameThread().submit(progress -> work.call(new Progress() {
                            @Override
                            public void update(double fraction, String message) {
                            }

                            @Override
                            public boolean cancelled() {
                                return job.isCancelled();
                            }
                        }), new Listener<T>() {
                            @Override
                            public void succeeded(T value) {
                                listener.succeeded(value);
                            }

                            @Override
                            public void failed(Throwable error) {
                                listener.cancelled();
                            }
                        });
                    }
                });
        cancelling.activate();
        assertNull(cancelling.resultProperty().get());
        assertFalse(cancelling.runningProperty().get());
        assertEquals("Cancelled: nothing simulated.", cancelling.messageProperty().get());
    }
}
