package io.inferplan.engine.bench;

import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.perf.RequestShape;
import io.inferplan.engine.perf.ServingStack;
import io.inferplan.engine.perf.TestAccelerators;
import io.inferplan.engine.sim.ArrivalProcess;
import io.inferplan.engine.sim.CapacityResult;
import io.inferplan.engine.sim.CapacitySearch;
import io.inferplan.engine.sim.LatencyTargets;
import io.inferplan.engine.sim.LengthDistribution;
import io.inferplan.engine.sim.RequestSet;
import io.inferplan.engine.sim.SimulatedReplica;
import io.inferplan.engine.sim.SimulationResult;
import java.util.Locale;

/**
 * Prints the simulator's speed figures (a harness, not a timed test): one simulated hour at 100 requests/s
 * (360,000 requests) on one thread, and one capacity search. Run by tools/benchmark-simulator.sh.
 */
public final class SimulatorSpeed {
    private SimulatorSpeed() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        // Llama-3.1-8B FP8 on one H100 under vLLM, chat-like lengths: about 100 requests/s is ~70% of its maximum.
        RequestShape shape = RequestShape.of(300, 100);
        Deployment deployment = Deployment.of(TestAccelerators.h100(), 1, Precision.FP8, Precision.FP8, ServingStack.VLLM);
        SimulatedReplica replica = SimulatedReplica.of(PerformanceModel.standard(), ModelPresets.bundled().require("model", "Llama-3.1-8B"),
                deployment, shape);
        LengthDistribution input = LengthDistribution.of("input", 300, 600);
        LengthDistribution output = LengthDistribution.of("output", 100, 200);
        System.out.printf(Locale.ROOT, "replica: Llama-3.1-8B FP8, 1 x H100, vLLM; steady-state maximum %.1f requests/s%n",
                replica.steadyStateMaxRequestsPerSecond());
        RequestSet hour = RequestSet.forDuration(new ArrivalProcess.Poisson(100), input, output, 3600, 0, 1);
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            SimulationResult result = replica.simulate(hour, 360, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            long runStart = System.nanoTime();
            io.inferplan.engine.sim.SimulationRun bare = replica.simulator().run(hour, 1.8);
            double runSeconds = (System.nanoTime() - runStart) / 1e9;
            long summaryStart = System.nanoTime();
            io.inferplan.engine.sim.SimulationSummary.of(bare, 360, null);
            System.out.printf(Locale.ROOT, "  of which the step loop %.3f s, the summary %.3f s%n", runSeconds,
                    (System.nanoTime() - summaryStart) / 1e9);
            System.out.printf(Locale.ROOT, "one hour at 100 requests/s: %,d requests, %,d steps in %.3f s (%.1f M steps/s, %.2f M requests/s); "
                            + "p99 TTFT %.0f ms, p99 TPOT %.1f ms, overloaded %s%n", hour.size(), result.summary().steps(), seconds,
                    result.summary().steps() / seconds / 1e6, hour.size() / seconds / 1e6, result.summary().ttft().p99Seconds() * 1e3,
                    result.summary().tpot().p99Seconds() * 1e3, result.summary().overloaded());
        }
        LatencyTargets targets = LatencyTargets.p99(0.5, 0.03);
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            CapacityResult capacity = CapacitySearch.search(replica, input, output, 0, targets, 4_000, 1);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "capacity search (p99 TTFT 500 ms, p99 TPOT 30 ms): %.2f requests/s (band %.2f-%.2f) in %d probes "
                            + "of %d x %,d requests, %.3f s%n", capacity.maxRequestsPerSecond(), capacity.bandLowRequestsPerSecond(),
                    capacity.bandHighRequestsPerSecond(), capacity.probes(), capacity.replications(), capacity.requestsPerReplication(), seconds);
        }
        // The consumer-chat sample's replica (Llama-3.3-70B FP8 on 2 x H100, vLLM, lognormal 1500/4000 in, 350/900 out,
        // half the prompt cached; p99 TTFT 1.5 s, p99 TPOT 50 ms) under six base seeds: how far the answer moves.
        SimulatedReplica chat = SimulatedReplica.of(PerformanceModel.standard(), ModelPresets.bundled().require("model", "Llama-3.3-70B"),
                Deployment.of(TestAccelerators.h100(), 2, Precision.FP8, Precision.FP8, ServingStack.VLLM), new RequestShape(1500, 350, 0.5));
        LengthDistribution chatInput = LengthDistribution.of("input", 1500, 4000);
        LengthDistribution chatOutput = LengthDistribution.of("output", 350, 900);
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (long seed = 1; seed <= 6; seed++) {
            long start = System.nanoTime();
            CapacityResult capacity = CapacitySearch.search(chat, chatInput, chatOutput, 0.5, LatencyTargets.p99(1.5, 0.05),
                    CapacitySearch.Plan.forReplies(350), seed, io.inferplan.engine.sim.SimulationProgress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            low = Math.min(low, capacity.maxRequestsPerSecond());
            high = Math.max(high, capacity.maxRequestsPerSecond());
            System.out.printf(Locale.ROOT, "consumer-chat replica, seed %d: %.2f requests/s (band %.2f-%.2f), %d probes, %.3f s%n", seed,
                    capacity.maxRequestsPerSecond(), capacity.bandLowRequestsPerSecond(), capacity.bandHighRequestsPerSecond(),
                    capacity.probes(), seconds);
        }
        System.out.printf(Locale.ROOT, "consumer-chat replica over six seeds: %.2f to %.2f requests/s (+-%.1f%% about the middle)%n", low, high,
                100 * (high - low) / (high + low));
    }
}
