package io.inferplan.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.Workload;
import io.inferplan.engine.sim.ArrivalProcess;
import io.inferplan.engine.sim.CapacityResult;
import io.inferplan.engine.sim.LatencyStats;
import io.inferplan.engine.sim.LatencyTargets;
import io.inferplan.engine.sim.LengthDistribution;
import io.inferplan.engine.sim.ReplicaSimulator;
import io.inferplan.engine.sim.RequestSet;
import io.inferplan.engine.sim.ScenarioSimulation;
import io.inferplan.engine.sim.SchedulerPolicy;
import io.inferplan.engine.sim.SimulationProgress;
import io.inferplan.engine.sim.SimulatedReplica;
import io.inferplan.engine.sim.SimulationResult;
import io.inferplan.engine.sim.SimulationRun;
import io.inferplan.engine.sim.SimulationSummary;
import io.inferplan.engine.sim.TraceReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inferplan simulate SCENARIO.json}: one replica of the scenario's deployment under its workload, simulated
 * step by step: latency distributions, throughput, KV occupancy, preemptions; with latency targets, the replica's
 * capacity within them (at the percentiles the scenario names, p99 by default) and the replicas and GPUs the scenario's peak needs.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulates one replica of a scenario's deployment serving its workload, engine step by engine step:",
                "TTFT, TPOT, E2E and queue time (mean, p50, p90, p99, p99.9), throughput, KV cache occupancy and preemptions;",
                "with the scenario's latency targets, the highest rate one replica sustains within them (at their percentiles,",
                "p99 by default) and the fleet",
                "its peak needs. See docs/simulator.md."})
public final class SimulateCommand implements Callable<Integer> {
    static final long DEFAULT_SEED = 20261201L;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "The scenario file (model, deployment, workload)")
    Path file;
    static final double SECONDS_PER_DAY = 86_400;

    @Option(names = "--rate", paramLabel = "R", description = "Requests per second offered to the replica "
            + "(default: the scenario's peak spread over the replicas it needs)")
    Double rate;
    @Option(names = "--duration", paramLabel = "S", description = "Seconds of arrivals to simulate (default: 600, or 40 unloaded "
            + "request latencies when that is longer, a day with --arrival diurnal; the first 10%% is warm-up, at least 3 unloaded latencies)")
    Double durationSeconds;
    @Option(names = "--arrival", description = "poisson, constant, gamma or diurnal (Poisson at a rate following a day's curve; "
            + "--rate is then the day's average; default ${DEFAULT-VALUE})", defaultValue = "poisson")
    String arrival;
    @Option(names = "--peak-to-average", paramLabel = "X", description = "Peak over average rate for --arrival diurnal, 1 to 100 "
            + "(default: the scenario's peakToAverageRatio when it has one, else 2)")
    Double peakToAverage;
    @Option(names = "--peak-hour", paramLabel = "H", description = "Hour of the peak for --arrival diurnal, 0 to 24, the run "
            + "starting at hour 0 (default 20)")
    Double peakHour;
    @Option(names = "--arrival-cv", description = "Coefficient of variation of the gaps for --arrival gamma (default ${DEFAULT-VALUE})",
            defaultValue = "2")
    double arrivalCv;
    @Option(names = "--concurrency", paramLabel = "USERS", description = "A closed loop of this many users instead of an arrival rate")
    Integer concurrency;
    @Option(names = "--replicas", paramLabel = "N", description = "Simulate N replicas behind a router; --rate is then the whole fleet's "
            + "(default: the scenario's peak)")
    Integer fleetReplicas;
    @Option(names = "--router", description = "round-robin, least-work (fewest prompt and output tokens outstanding) or prefix-affinity (a trace's "
            + "prefix_id always to the same replica; default ${DEFAULT-VALUE})",
            defaultValue = "least-work")
    String router;
    @Option(names = "--trace", paramLabel = "T.csv", description = "Replay this trace (arrival_s,input_tokens,output_tokens) instead")
    Path trace;
    @Option(names = "--seed", description = "Random seed (default: fixed, so runs repeat)")
    Long seed;
    @Option(names = "--json", description = "Print the result as JSON")
    boolean json;
    @Option(names = "--preemption", description = "recompute (every stack's default: a preempted sequence re-prefills) or swap "
            + "(its KV blocks go to host memory over the host link and come back; recompute when the swap space is full)",
            defaultValue = "recompute")
    String preemption;
    @Option(names = "--swap-space-gib", paramLabel = "GIB", description = "Host swap space per GPU for --preemption swap "
            + "(default ${DEFAULT-VALUE}, vLLM's swap_space)", defaultValue = "4")
    double swapSpaceGib;
    @Option(names = "--requests-csv", paramLabel = "OUT.csv", description = "Write every request's times to this CSV")
    Path requestsCsv;
    @Option(names = "--timeline-csv", paramLabel = "OUT.csv", description = "Write KV occupancy, running and waiting requests "
            + "and preemptions over time to this CSV")
    Path timelineCsv;

    @Override
    public Integer call() throws IOException {
        if (rate != null && !(rate > 0 && rate <= ArrivalProcess.MAX_RATE)) {
            throw new InvalidInputException("--rate", "must be greater than 0 requests per second, was " + rate);
        }
        if (fleetReplicas != null && (fleetReplicas < 1 || fleetReplicas > 10_000)) {
            throw new InvalidInputException("--replicas", "must be a whole number from 1 to 10000, was " + fleetReplicas);
        }
        ReplicaSimulator.Router routing = switch (router.strip().toLowerCase(Locale.ROOT)) {
            case "round-robin", "rr" -> ReplicaSimulator.Router.ROUND_ROBIN;
            case "least-work", "least-outstanding" -> ReplicaSimulator.Router.LEAST_OUTSTANDING_TOKENS;
            case "prefix-affinity", "affinity" -> ReplicaSimulator.Router.PREFIX_AFFINITY;
            default -> throw new InvalidInputException("--router", "must be round-robin, least-work or prefix-affinity, was '" + router + "'");
        };
        SchedulerPolicy.Preemption preemptionMode = switch (preemption.strip().toLowerCase(Locale.ROOT)) {
            case "recompute" -> SchedulerPolicy.Preemption.RECOMPUTE;
            case "swap" -> SchedulerPolicy.Preemption.SWAP;
            default -> throw new InvalidInputException("--preemption", "must be recompute or swap, was '" + preemption + "'");
        };
        if (!(swapSpaceGib >= 0 && swapSpaceGib <= 10_000)) {
            throw new InvalidInputException("--swap-space-gib", "must be from 0 to 10000 GiB per GPU, was " + swapSpaceGib);
        }
        String arrivalKind = arrival.strip().toLowerCase(Locale.ROOT);
        if (!List.of("poisson", "constant", "gamma", "diurnal").contains(arrivalKind)) {
            throw new InvalidInputException("--arrival", "must be poisson, constant, gamma or diurnal, was '" + arrival + "'");
        }
        boolean diurnal = arrivalKind.equals("diurnal");
        if (peakToAverage != null && (!diurnal || !(peakToAverage >= 1 && peakToAverage <= 100))) {
            throw new InvalidInputException("--peak-to-average", diurnal ? "must be from 1 to 100 (times the average rate), was "
                    + peakToAverage : "applies to --arrival diurnal only");
        }
        if (peakHour != null && (!diurnal || !(peakHour >= 0 && peakHour <= 24))) {
            throw new InvalidInputException("--peak-hour", diurnal ? "must be from 0 to 24 (hours from the run's start), was "
                    + peakHour : "applies to --arrival diurnal only");
        }
        if (durationSeconds != null && !(durationSeconds > 0)) {
            throw new InvalidInputException("--duration", "must be greater than 0 seconds, was " + durationSeconds);
        }
        ResolvedScenario resolved = ScenarioFileLoader.load(file, ScenarioFileLoader.lookupResolver(UserCatalog.lookup(spec)));
        Workload workload = resolved.scenario().workload();
        long runSeed = seed == null ? DEFAULT_SEED : seed;
        ScenarioSimulation simulation = ScenarioSimulation.of(resolved, PerformanceModel.standard(), runSeed);
        if (preemptionMode != SchedulerPolicy.Preemption.RECOMPUTE) {
            simulation = simulation.withPolicy(simulation.replica().policy().withPreemption(preemptionMode,
                    swapSpaceGib * (1L << 30)));
        }
        SimulatedReplica replica = simulation.replica();
        LengthDistribution input = ScenarioSimulation.inputLengths(workload);
        LengthDistribution output = ScenarioSimulation.outputLengths(workload);
        LatencyTargets targets = workload.latency() == null ? null : simulation.targets();

        // A run must be long against one request's own latency to reach a steady state.
        double unloaded = replica.unloadedLatencySeconds(input.meanTokens(), output.meanTokens());
        // A daily curve means nothing over the ten minutes after midnight: by default a diurnal run lasts a day.
        double duration = durationSeconds != null ? durationSeconds : diurnal ? SECONDS_PER_DAY : Math.max(600, 40 * unloaded);
        long started = System.nanoTime();
        // The same search, fleet and economics as the app's simulated sizing, so both give one answer per seed.
        ScenarioSimulation.Sizing sizing = targets == null ? null : simulation.size(ScenarioEvaluator.standard(), SimulationProgress.NONE);
        CapacityResult capacity = sizing == null ? null : sizing.capacity();
        double capacitySeconds = (System.nanoTime() - started) / 1e9;
        int minReplicas = resolved.scenario().deployment().minReplicas();
        double plannedUtilization = resolved.scenario().deployment().plannedUtilization();
        double peak = workload.peakRps();
        int replicas = sizing != null && sizing.reachable() ? sizing.replicas()
                : Math.max(minReplicas, (int) Math.ceil(peak / (replica.steadyStateMaxRequestsPerSecond() * plannedUtilization) - 1e-9));

        RequestSet requests;
        String load;
        if (trace != null) {
            requests = readTrace(trace, workload.promptCacheHitRate());
            load = "trace " + trace.getFileName() + " (" + requests.size() + " requests)";
        } else if (concurrency != null) {
            ArrivalProcess users = new ArrivalProcess.ClosedLoop(concurrency);
            int count = (int) Math.min(RequestSet.MAX_REQUESTS, Math.max(20L * concurrency, 2_000));
            requests = RequestSet.generate(users, input, output, count, workload.promptCacheHitRate(), runSeed);
            load = concurrency + " users in a closed loop";
        } else {
            if (diurnal) {
                // --rate is the day's average; by default the scenario's average spread over the replicas it needs.
                double average = rate != null ? rate : fleetReplicas != null ? workload.averageRps() : workload.averageRps() / replicas;
                double ratio = peakToAverage != null ? peakToAverage
                        : workload.peakToAverageRatio() != null ? workload.peakToAverageRatio() : 2;
                double hour = peakHour != null ? peakHour : 20;
                ArrivalProcess process = new ArrivalProcess.Diurnal(average, ratio, hour);
                requests = RequestSet.forDuration(process, input, output, duration, workload.promptCacheHitRate(), runSeed);
                load = String.format(Locale.ROOT, "diurnal arrivals averaging %.2f requests/s%s, peak %s x the average at hour %s, "
                                + "for %.0f s from hour 0", average,
                        rate != null || fleetReplicas != null ? "" : " (the scenario's average over " + replicas + " replicas)",
                        fmt(ratio), fmt(hour), duration);
            } else {
                double offered = rate != null ? rate : fleetReplicas != null ? peak : peak / replicas;
                ArrivalProcess process = ArrivalProcess.parse(arrivalKind, offered, arrivalCv);
                requests = RequestSet.forDuration(process, input, output, duration, workload.promptCacheHitRate(), runSeed);
                load = String.format(Locale.ROOT, "%s arrivals at %.2f requests/s%s for %.0f s", arrivalKind, offered,
                        rate != null || fleetReplicas != null ? "" : " (peak " + fmt(peak) + " over " + replicas + " replicas)", duration);
            }
        }
        double lastArrival = requests.arrivalSeconds()[requests.size() - 1];
        double warmup = trace != null || Double.isNaN(lastArrival) ? 0 : Math.min(0.5 * lastArrival, Math.max(0.1 * lastArrival, 3 * unloaded));
        started = System.nanoTime();
        SimulationResult result;
        if (fleetReplicas != null) {
            result = replica.simulateFleet(requests, fleetReplicas, routing, warmup, targets);
            load += String.format(Locale.ROOT, ", %d replicas behind a %s router", fleetReplicas,
                    switch (routing) {
                        case ROUND_ROBIN -> "round-robin";
                        case LEAST_OUTSTANDING_TOKENS -> "least-work";
                        case PREFIX_AFFINITY -> "prefix-affinity";
                    });
        } else {
            result = replica.simulate(requests, warmup, targets);
        }
        double simulateSeconds = (System.nanoTime() - started) / 1e9;

        if (requestsCsv != null) {
            writeRequests(result.run(), requestsCsv);
        }
        if (timelineCsv != null) {
            writeTimeline(result.run(), timelineCsv);
        }
        PrintWriter out = spec.commandLine().getOut();
        Report report = new Report(resolved, replica, replica.policyFor(requests), load, result.summary(), targets, sizing, capacity, replicas, peak,
                plannedUtilization, simulateSeconds, capacitySeconds, result.run());
        out.print(json ? report.json() : report.table());
        out.flush();
        return ExitCodes.OK;
    }

    private static RequestSet readTrace(Path path, double hitRate) throws IOException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return TraceReader.read(reader, path.getFileName().toString(), hitRate);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("--trace", "no such file: " + path);
        }
    }

    private static void writeRequests(SimulationRun run, Path path) throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            w.write("request,arrival_s,input_tokens,output_tokens,queue_s,ttft_s,tpot_s,e2e_s,preemptions\n");
            RequestSet r = run.requests();
            StringBuilder line = new StringBuilder(128);
            for (int i = 0; i < r.size(); i++) {
                line.setLength(0);
                double tpot = run.tpotSeconds(i);
                line.append(i + 1).append(',').append(String.format(Locale.ROOT, "%.6f,%d,%d,%.6f,%.6f,%s,%.6f,%d",
                        r.arrivalSeconds()[i], r.inputTokens()[i], r.outputTokens()[i], run.queueSeconds(i), run.ttftSeconds(i),
                        Double.isNaN(tpot) ? "" : String.format(Locale.ROOT, "%.6f", tpot), run.e2eSeconds(i),
                        run.preemptionsPerRequest()[i])).append('\n');
                w.write(line.toString());
            }
        }
    }

    private static void writeTimeline(SimulationRun run, Path path) throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            w.write("time_s,kv_used_share,running_sequences,waiting_requests,preemptions\n");
            for (int i = 0; i < run.sampleSeconds().length; i++) {
                w.write(String.format(Locale.ROOT, "%.3f,%.4f,%d,%d,%d%n", run.sampleSeconds()[i], run.sampleKvShare()[i],
                        run.sampleRunning()[i], run.sampleWaiting()[i], run.samplePreemptions()[i]));
            }
        }
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.2f", value);
    }

    /** What the command prints. */
    private record Report(ResolvedScenario resolved, SimulatedReplica replica, SchedulerPolicy policy, String load, SimulationSummary s,
                          LatencyTargets targets, ScenarioSimulation.Sizing sizing, CapacityResult capacity, int replicas,
                          double peak, double plannedUtilization, double simulateSeconds, double capacitySeconds,
                          SimulationRun run) {

        String table() {
            StringBuilder b = new StringBuilder();
            var d = resolved.deployment();
            b.append(String.format(Locale.ROOT, "%s: replicas of %s on %d x %s (TP %d, PP %d), %s weights, %s%n",
                    resolved.scenario().name(), resolved.model().name(), d.gpusPerReplica(), d.accelerator().name(), d.tensorParallel(),
                    d.pipelineParallel(), d.weightPrecision().id(), d.servingStack().displayName()));
            var p = policy;
            line(b, "Scheduler", String.format(Locale.ROOT, "%s: up to %d sequences, %d tokens per step, %s, %s, KV blocks of %d tokens "
                            + "(%,.0f tokens of KV)", p.name(), p.maxSequences(), p.maxTokensPerStep(),
                    p.chunkedPrefill() ? "chunked prefill" : "whole prompts", p.mixedPrefillDecode() ? "prefill mixed with decode"
                            : "prefill batches first", p.kvBlockTokens(), replica.kvCapacityTokens()));
            line(b, "Load", load);
            if (s.overloaded()) {
                line(b, "Result", "OVERLOADED: " + s.overloadReason() + "; the queue grows without bound, so there is no p99 to report");
            }
            line(b, "Requests measured", String.format(Locale.ROOT, "%,d (after %.0f s warm-up)", s.requestsMeasured(), s.warmupSeconds()));
            line(b, "Throughput", String.format(Locale.ROOT, "%s requests/s offered, %s achieved, %,.0f output tokens/s (steady-state maximum %s requests/s per replica)",
                    Double.isNaN(s.offeredRequestsPerSecond()) ? "-" : fmt(s.offeredRequestsPerSecond()), fmt(s.achievedRequestsPerSecond()),
                    s.outputTokensPerSecond(), fmt(replica.steadyStateMaxRequestsPerSecond())));
            b.append(String.format(Locale.ROOT, "  %-24s %9s %9s %9s %9s %9s%n", "ms", "mean", "p50", "p90", "p99", "p99.9"));
            stats(b, "Queue", s.queue());
            stats(b, "Time to first token", s.ttft());
            stats(b, "Time per output token", s.tpot());
            stats(b, "End to end", s.e2e());
            line(b, "KV cache", String.format(Locale.ROOT, "%.0f%% used on average, %.0f%% at peak; %,d preemptions; %.1f sequences running on average",
                    s.meanKvShare() * 100, s.peakKvShare() * 100, s.preemptions(), s.meanRunningSequences()));
            if (p.preemption() == SchedulerPolicy.Preemption.SWAP) {
                line(b, "Swap", String.format(Locale.ROOT, "%,d of %,d preemptions swapped to host (%.0f GiB per GPU, %,d blocks, host link "
                                + "%.1f GB/s per GPU), the rest recomputed; %.2f s copying; %,d prompt tokens computed",
                        run.swapOuts(), run.preemptions(), p.swapSpaceBytesPerGpu() / (1L << 30), replica.swapSpaceBlocks(p),
                        replica.hostLinkBytesPerSecondPerGpu() / 1e9, run.swapSeconds(), run.prefillTokens()));
            }
            if (run.requests().prefixIds() != null) {
                line(b, "Prefix cache", String.format(Locale.ROOT, "%,d admissions found their shared prefix cached; %,d prefixes evicted "
                        + "(least recently used first)", run.prefixHits(), run.prefixEvictions()));
            }
            if (targets != null) {
                line(b, "Targets", String.format(Locale.ROOT, "%s: %s; goodput %s requests/s",
                        targets.describe(), targets.metBy(s) ? "met" : "not met",
                        fmt(s.goodputRequestsPerSecond())));
                if (capacity.reachable()) {
                    line(b, "Capacity", String.format(Locale.ROOT, "%s requests/s per replica within the targets (%s to %s: %d replications "
                                    + "of %,d requests pooled; steady-state maximum %s); peak %s requests/s at %.0f%% planned utilisation "
                                    + "needs %d replicas = %d GPUs (%d to %d over the band)",
                            fmt(capacity.maxRequestsPerSecond()), fmt(capacity.bandLowRequestsPerSecond()), fmt(capacity.bandHighRequestsPerSecond()),
                            capacity.replications(), capacity.requestsPerReplication(), fmt(capacity.steadyStateMaxRequestsPerSecond()), fmt(peak),
                            plannedUtilization * 100, replicas, replicas * resolved.deployment().gpusPerReplica(),
                            sizing.atBandHigh().capacity().replicas(), sizing.atBandLow().capacity().replicas()));
                    var costs = sizing.simulated().tokenCosts();
                    line(b, "Serving cost", String.format(Locale.ROOT, "$%.3f per million input tokens, $%.3f per million output tokens "
                                    + "(steady-state sizing: %s)", costs.costPerMillionInputTokensUsd(), costs.costPerMillionOutputTokensUsd(),
                            sizing.steadyState() == null ? "targets unreachable" : String.format(Locale.ROOT, "%d GPUs, $%.3f and $%.3f",
                                    sizing.steadyState().capacity().gpusRequired(), sizing.steadyState().tokenCosts().costPerMillionInputTokensUsd(),
                                    sizing.steadyState().tokenCosts().costPerMillionOutputTokensUsd())));
                } else {
                    line(b, "Capacity", "no rate meets the targets: even a trickle of requests has "
                            + String.format(Locale.ROOT, "%s TTFT %.0f ms and %s TPOT %.1f ms", LatencyTargets.label(targets.ttftPercentile()),
                            targets.ttftOf(capacity.atCapacity()) * 1e3, LatencyTargets.label(targets.tpotPercentile()),
                            targets.tpotOf(capacity.atCapacity()) * 1e3));
                }
            }
            line(b, "Simulated", String.format(Locale.ROOT, "%,d steps, %.0f s of serving in %.2f s%s", s.steps(), s.simulatedSeconds(),
                    simulateSeconds, capacity == null ? "" : String.format(Locale.ROOT, "; capacity search %d probes in %.2f s",
                            capacity.probes(), capacitySeconds)));
            return b.toString();
        }

        private void stats(StringBuilder b, String name, LatencyStats l) {
            if (l.count() == 0) {
                return;
            }
            boolean tail = !s.overloaded();
            b.append(String.format(Locale.ROOT, "  %-24s %9.1f %9s %9s %9s %9s%n", name, l.meanSeconds() * 1e3,
                    ms(l.p50Seconds(), tail), ms(l.p90Seconds(), tail), ms(l.p99Seconds(), tail), ms(l.p999Seconds(), tail)));
        }

        private static String ms(double seconds, boolean show) {
            return show ? String.format(Locale.ROOT, "%.1f", seconds * 1e3) : "-";
        }

        private static void line(StringBuilder b, String label, String value) {
            b.append(String.format(Locale.ROOT, "  %-24s %s%n", label, value));
        }

        String json() {
            ObjectNode root = JsonSupport.mapper().createObjectNode();
            root.put("scenario", resolved.scenario().name());
            root.put("load", load);
            var p = policy;
            ObjectNode scheduler = root.putObject("scheduler");
            scheduler.put("name", p.name());
            scheduler.put("maxSequences", p.maxSequences());
            scheduler.put("maxTokensPerStep", p.maxTokensPerStep());
            scheduler.put("chunkedPrefill", p.chunkedPrefill());
            scheduler.put("mixedPrefillDecode", p.mixedPrefillDecode());
            scheduler.put("kvBlockTokens", p.kvBlockTokens());
            scheduler.put("kvCapacityTokens", replica.kvCapacityTokens());
            scheduler.put("preemption", p.preemption().name().toLowerCase(Locale.ROOT));
            if (p.preemption() == SchedulerPolicy.Preemption.SWAP) {
                scheduler.put("swapSpaceBytesPerGpu", p.swapSpaceBytesPerGpu());
                scheduler.put("hostLinkBytesPerSecondPerGpu", replica.hostLinkBytesPerSecondPerGpu());
            }
            scheduler.put("source", p.source());
            ObjectNode r = root.putObject("result");
            r.put("overloaded", s.overloaded());
            r.put("overloadReason", s.overloadReason());
            r.put("requestsMeasured", s.requestsMeasured());
            r.put("warmupSeconds", s.warmupSeconds());
            r.put("offeredRequestsPerSecond", s.offeredRequestsPerSecond());
            r.put("achievedRequestsPerSecond", s.achievedRequestsPerSecond());
            r.put("outputTokensPerSecond", s.outputTokensPerSecond());
            r.put("steadyStateMaxRequestsPerSecond", replica.steadyStateMaxRequestsPerSecond());
            stats(r, "queueMs", s.queue());
            stats(r, "ttftMs", s.ttft());
            stats(r, "tpotMs", s.tpot());
            stats(r, "e2eMs", s.e2e());
            r.put("meanKvShare", s.meanKvShare());
            if (run.requests().prefixIds() != null) {
                r.put("prefixHits", run.prefixHits());
                r.put("prefixEvictions", run.prefixEvictions());
            }
            r.put("peakKvShare", s.peakKvShare());
            r.put("preemptions", s.preemptions());
            if (p.preemption() == SchedulerPolicy.Preemption.SWAP) {
                r.put("swapOuts", run.swapOuts());
                r.put("swapSeconds", run.swapSeconds());
            }
            r.put("prefillTokens", run.prefillTokens());
            r.put("meanRunningSequences", s.meanRunningSequences());
            r.put("steps", s.steps());
            r.put("simulatedSeconds", s.simulatedSeconds());
            r.put("wallSeconds", simulateSeconds);
            if (targets != null) {
                ObjectNode t = root.putObject("targets");
                t.put("ttftPercentile", targets.ttftPercentile());
                t.put("tpotPercentile", targets.tpotPercentile());
                t.put("maxTtftMs", targets.maxTtftSeconds() * 1e3);
                t.put("maxTpotMs", targets.maxTpotSeconds() * 1e3);
                t.put("met", targets.metBy(s));
                t.put("goodputRequestsPerSecond", s.goodputRequestsPerSecond());
                ObjectNode c = root.putObject("capacity");
                c.put("reachable", capacity.reachable());
                c.put("maxRequestsPerSecondPerReplica", capacity.maxRequestsPerSecond());
                c.put("steadyStateMaxRequestsPerSecond", capacity.steadyStateMaxRequestsPerSecond());
                c.put("peakRequestsPerSecond", peak);
                c.put("replicas", replicas);
                c.put("gpus", replicas * resolved.deployment().gpusPerReplica());
                c.put("bandLowRequestsPerSecond", capacity.bandLowRequestsPerSecond());
                c.put("bandHighRequestsPerSecond", capacity.bandHighRequestsPerSecond());
                c.put("replications", capacity.replications());
                c.put("requestsPerReplication", capacity.requestsPerReplication());
                c.put("probes", capacity.probes());
                c.put("plannedUtilization", plannedUtilization);
                if (sizing.reachable()) {
                    c.put("costPerMillionInputTokensUsd", sizing.simulated().tokenCosts().costPerMillionInputTokensUsd());
                    c.put("costPerMillionOutputTokensUsd", sizing.simulated().tokenCosts().costPerMillionOutputTokensUsd());
                    c.put("replicasAtBandLow", sizing.atBandLow().capacity().replicas());
                    c.put("replicasAtBandHigh", sizing.atBandHigh().capacity().replicas());
                }
                c.put("wallSeconds", capacitySeconds);
            }
            return root.toPrettyString() + System.lineSeparator();
        }

        private void stats(ObjectNode parent, String name, LatencyStats l) {
            ObjectNode o = parent.putObject(name);
            o.put("count", l.count());
            o.put("mean", l.meanSeconds() * 1e3);
            if (!s.overloaded()) {
                o.put("p50", l.p50Seconds() * 1e3);
                o.put("p90", l.p90Seconds() * 1e3);
                o.put("p99", l.p99Seconds() * 1e3);
                o.put("p999", l.p999Seconds() * 1e3);
            }
        }
    }
}
