package io.inferplan.engine.optimize;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.present;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.scenario.EstimateSource;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.Scenario;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.sim.ScenarioSimulation;
import io.inferplan.engine.sim.SimulationProgress;
import io.inferplan.engine.sim.SimulationSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The serving simulator on the first rows of a search's ranking: the search itself ranks by the steady-state means
 * (thousands of configurations in a second), and the simulator, a fraction of a second to a few seconds per
 * configuration, then says what the tail looks like on the few a reader will look at. For each row: the p99 TTFT and
 * TPOT at the scenario's peak spread over the row's own replicas (the fleet the row prices), and the replicas the
 * simulator needs to keep the targets at their percentiles ({@link ScenarioSimulation#size}, as {@code inferplan
 * simulate} and the dashboard size them). Deterministic: every row uses the simulator's fixed seed, so the answer
 * does not depend on the threads or the order rows finish in.
 *
 * <p>Simulated: the first {@code rows} aggregated rows meeting the targets. Left unsimulated (and not counted among
 * them): disaggregated rows (the simulator runs one aggregated replica) and rows missing the targets (their costs are
 * those without targets, so no sizing within them compares).
 */
public final class TailSimulation {
    /** Rows simulated unless the caller says otherwise: a screenful, a few seconds. */
    public static final int DEFAULT_ROWS = 5;
    public static final int MAX_ROWS = 50;

    private final PerformanceModel performance;
    private final int threads;

    /** @param threads rows simulated side by side (each simulation is single-threaded) */
    public TailSimulation(PerformanceModel performance, int threads) {
        this.performance = present("performance", performance);
        this.threads = inRange("threads", threads, 1, 256);
    }

    /** The standard performance model on every core. */
    public static TailSimulation standard() {
        return new TailSimulation(PerformanceModel.standard(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param ranked the configurations as ranked, every one's first {@code rows} simulated
     * @param simulated how many of them the simulator looked at
     * @param cancelled true when stopped early: the rows not finished stay unsimulated
     */
    public record Result(List<RankedConfiguration> ranked, int simulated, long elapsedNanos, boolean cancelled) {
        public Result {
            ranked = List.copyOf(ranked);
        }

        public long elapsedMillis() {
            return elapsedNanos / 1_000_000;
        }
    }

    /**
     * @param resolved   the scenario the search ran on
     * @param candidates the parts it searched, with their costs (each row is simulated at its part's cost)
     * @param ranked     the search's ranking; the order is kept
     * @param rows       how many rows to simulate, the first that can be, 0 to {@value #MAX_ROWS}
     */
    public Result simulate(ResolvedScenario resolved, List<Candidate> candidates, List<RankedConfiguration> ranked, int rows,
                           SimulationProgress progress) {
        present("scenario", resolved);
        present("candidates", candidates);
        present("ranked", ranked);
        inRange("simulateTop", rows, 0, MAX_ROWS);
        progress = progress == null ? SimulationProgress.NONE : progress;
        long started = System.nanoTime();
        Map<String, Candidate> parts = candidates.stream()
                .collect(Collectors.toMap(c -> c.accelerator().id(), Function.identity(), (a, b) -> a));
        List<RankedConfiguration> out = new ArrayList<>(ranked);
        // The first rows the simulator can run: a disaggregated row above them does not use up one of the N.
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < ranked.size() && todo.size() < rows; i++) {
            RankedConfiguration row = ranked.get(i);
            if (!row.disaggregated() && row.meetsLatencyTargets() && parts.containsKey(row.accelerator())) {
                todo.add(i);
            }
        }
        SharedProgress shared = new SharedProgress(progress, todo.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean cancelled = new AtomicBoolean();
        Runnable worker = () -> {
            for (int k; !cancelled.get() && (k = next.getAndIncrement()) < todo.size(); ) {
                int index = todo.get(k);
                RankedConfiguration row = ranked.get(index);
                try {
                    RankedConfiguration simulated = simulateRow(resolved, parts.get(row.accelerator()), row, shared.part(k));
                    synchronized (out) {
                        out.set(index, simulated);
                    }
                    done.incrementAndGet();
                } catch (CancellationException e) {
                    cancelled.set(true);
                } catch (InvalidInputException e) {
                    // The simulator refuses this layout (e.g. a lone request's KV does not fit its scheduler's blocks):
                    // the row stays as the search ranked it, unsimulated.
                }
            }
        };
        SideBySide.run(Math.min(threads, Math.max(1, todo.size())), "tail-simulation", worker, cancelled);
        if (!cancelled.get()) {
            progress.report(1);
        }
        return new Result(out, done.get(), System.nanoTime() - started, cancelled.get());
    }

    private RankedConfiguration simulateRow(ResolvedScenario resolved, Candidate part, RankedConfiguration row,
                                            SimulationProgress progress) {
        Deployment deployment = deploymentOf(row, part.accelerator());
        Scenario scenario = resolved.scenario().withDeployment(row.plan()).withCost(part.cost());
        ResolvedScenario onRow = new ResolvedScenario(scenario, resolved.model(), deployment, resolved.newGeneration());
        ScenarioSimulation simulation = ScenarioSimulation.of(onRow, performance);
        ScenarioSimulation.Sizing sizing = simulation.size(new ScenarioEvaluator(EstimateSource.cached(performance)),
                progress.part(0, 0.8));
        // The tail the row's own fleet sees at the peak: what its price buys, beside what the simulator would buy.
        double perReplica = scenario.workload().peakRps() / row.replicas();
        SimulationSummary atPeak = simulation.operatingPoint(perReplica, progress.part(0.8, 1)).summary();
        Double ttft = atPeak.overloaded() ? null : finite(atPeak.ttft().p99Seconds());
        Double tpot = atPeak.overloaded() ? null : finite(atPeak.tpot().p99Seconds());
        return row.withSimulation(ttft, tpot, sizing.replicas(), sizing.gpus());
    }

    /** The deployment a row stands for: its plan on its part, with the attention layout the plan has no field for. */
    static Deployment deploymentOf(RankedConfiguration row, AcceleratorSpec accelerator) {
        var plan = row.plan();
        return new Deployment(accelerator, row.gpusPerReplica(), row.tensorParallel(), row.pipelineParallel(),
                row.expertParallel(), row.weightPrecision(), row.kvPrecision(), plan.activationPrecision(), row.servingStack(),
                plan.maxBatch(), plan.speculative(), row.attentionParallelism());
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Rows finishing out of order, each reporting its own share: the whole is their mean, reported only rising. */
    private static final class SharedProgress {
        private final SimulationProgress whole;
        private final double[] shares;
        private double reported;

        SharedProgress(SimulationProgress whole, int rows) {
            this.whole = whole;
            this.shares = new double[Math.max(1, rows)];
        }

        SimulationProgress part(int row) {
            return new SimulationProgress() {
                @Override
                public void report(double fraction) {
                    update(row, fraction);
                }

                @Override
                public boolean cancelled() {
                    return whole.cancelled();
                }
            };
        }

        private synchronized void update(int row, double fraction) {
            shares[row] = Math.max(shares[row], Math.max(0, Math.min(1, fraction)));
            double sum = 0;
            for (double share : shares) {
                sum += share;
            }
            double mean = sum / shares.length;
            if (mean > reported) {
                reported = mean;
                whole.report(mean);
            }
        }
    }
}
