package io.inferplan.engine.sim;

import static io.inferplan.engine.Checks.present;

import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.perf.RequestShape;
import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.perf.StepPhysics;

/**
 * One replica of a deployment ready to simulate: its step physics from the performance model, its stack's scheduler
 * defaults, its KV capacity, and the steady-state maximum it is checked against. Simulations are independent; an
 * instance may be reused from one thread at a time.
 */
public final class SimulatedReplica {
    private final ModelSpec model;
    private final Deployment deployment;
    private final StepPhysics physics;
    private final SchedulerPolicy policy;
    private final double kvCapacityTokens;
    private final double kvBytesPerTokenPerGpu;
    private RooflineStepTime stepTable;
    private Thread stepTableThread;
    private final double steadyStateMaxRequestsPerSecond;
    private final double steadyStateMaxOutputTokensPerSecond;

    private SimulatedReplica(ModelSpec model, Deployment deployment, StepPhysics physics, SchedulerPolicy policy,
                             double kvCapacityTokens, double kvBytesPerTokenPerGpu, double steadyMaxRps, double steadyMaxTokens) {
        this.kvBytesPerTokenPerGpu = kvBytesPerTokenPerGpu;
        this.model = model;
        this.deployment = deployment;
        this.physics = physics;
        this.policy = policy;
        this.kvCapacityTokens = kvCapacityTokens;
        this.steadyStateMaxRequestsPerSecond = steadyMaxRps;
        this.steadyStateMaxOutputTokensPerSecond = steadyMaxTokens;
    }

    /**
     * @param typicalRequest the mean request: sizes the KV cache per token (sliding windows) and the steady-state check
     */
    public static SimulatedReplica of(PerformanceModel performance, ModelSpec model, Deployment deployment, RequestShape typicalRequest) {
        present("model", model);
        present("deployment", deployment);
        present("request", typicalRequest);
        StepPhysics physics = StepPhysics.of(performance, model, deployment, typicalRequest);
        SchedulerPolicy policy = SchedulerPolicy.defaults(deployment.servingStack(), physics.maxSequences(),
                deployment.accelerator().memoryBytes());
        var offline = performance.estimate(model, deployment, typicalRequest, new ServingTarget.Offline());
        double context = typicalRequest.inputTokens() + typicalRequest.outputTokens() / 2;
        return new SimulatedReplica(model, deployment, physics, policy, physics.kvCapacityTokens(context),
                physics.kvBytesPerTokenPerGpu(context), offline.requestsPerSecond(), offline.outputTokensPerSecond());
    }

    /** The same replica under another scheduler (a tuned token budget or sequence limit). */
    public SimulatedReplica withPolicy(SchedulerPolicy other) {
        return new SimulatedReplica(model, deployment, physics, present("scheduler", other), kvCapacityTokens,
                kvBytesPerTokenPerGpu, steadyStateMaxRequestsPerSecond, steadyStateMaxOutputTokensPerSecond);
    }

    public SchedulerPolicy policy() {
        return policy;
    }

    public Deployment deployment() {
        return deployment;
    }

    public double kvCapacityTokens() {
        return kvCapacityTokens;
    }

    /** The performance model's highest-throughput operating point for the typical request, in requests per second. */
    public double steadyStateMaxRequestsPerSecond() {
        return steadyStateMaxRequestsPerSecond;
    }

    public double steadyStateMaxOutputTokensPerSecond() {
        return steadyStateMaxOutputTokensPerSecond;
    }

    /** A fresh simulator (its step-time table fills as it runs). */
    public ReplicaSimulator simulator() {
        return simulator(policy);
    }

    private ReplicaSimulator simulator(SchedulerPolicy scheduler) {
        double blockBytesPerGpu = kvBytesPerTokenPerGpu * scheduler.kvBlockTokens();
        return new ReplicaSimulator(stepTable(scheduler.maxSequences()), scheduler, kvCapacityTokens,
                physics.tokensPerStep(), swapSpaceBlocks(scheduler), blockBytesPerGpu / hostLinkBytesPerSecondPerGpu());
    }

    /**
     * The decode-time table, kept from run to run (a capacity search's probes read the same nodes): the same values a
     * fresh table computes. Only ever handed to the thread that made it, so runs on other threads never share one.
     */
    private synchronized RooflineStepTime stepTable(int maxSequences) {
        if (stepTable == null || stepTableThread != Thread.currentThread() || stepTable.maxSequences() != maxSequences) {
            stepTable = new RooflineStepTime(physics, maxSequences);
            stepTableThread = Thread.currentThread();
        }
        return stepTable;
    }

    /** KV blocks the host swap space holds: each GPU's swap space over its shard of a block. */
    public long swapSpaceBlocks(SchedulerPolicy scheduler) {
        if (scheduler.preemption() != SchedulerPolicy.Preemption.SWAP) {
            return 0;
        }
        return (long) Math.floor(scheduler.swapSpaceBytesPerGpu() / (kvBytesPerTokenPerGpu * scheduler.kvBlockTokens()));
    }

    /** The host link one GPU copies its KV shard over, bytes per second one way ({@link HostLink}). */
    public double hostLinkBytesPerSecondPerGpu() {
        return HostLink.bytesPerSecondPerGpu(deployment.accelerator());
    }

    /** KV-cache bytes per token of context on each GPU of the replica. */
    public double kvBytesPerTokenPerGpu() {
        return kvBytesPerTokenPerGpu;
    }

    /**
     * The scheduler these requests run under: the stack's, with chunked prefill turned on when a prompt is longer than
     * the token budget and the stack would otherwise refuse it (a TensorRT-LLM deployment serving such prompts must
     * enable chunked context).
     */
    public SchedulerPolicy policyFor(RequestSet requests) {
        if (policy.chunkedPrefill()) {
            return policy;
        }
        for (int i = 0; i < requests.size(); i++) {
            if (requests.inputTokens()[i] - requests.cachedInputTokens()[i] > policy.maxTokensPerStep()) {
                return policy.withChunkedPrefill();
            }
        }
        return policy;
    }

    /** Seconds one request takes on an idle replica: its prefill alone, then its decode steps alone. */
    public double unloadedLatencySeconds(double inputTokens, double outputTokens) {
        double prefill = physics.prefillOnlySeconds(inputTokens, inputTokens / 2);
        return prefill + Math.max(0, outputTokens - 1) / physics.tokensPerStep()
                * physics.decodeSeconds(1, inputTokens + outputTokens / 2);
    }

    /** Simulates the requests and summarises those arriving after {@code warmupSeconds}. */
    public SimulationResult simulate(RequestSet requests, double warmupSeconds, LatencyTargets targets) {
        return simulate(requests, warmupSeconds, targets, () -> false);
    }

    /** As {@link #simulate(RequestSet, double, LatencyTargets)}, stopping with a CancellationException when asked. */
    public SimulationResult simulate(RequestSet requests, double warmupSeconds, LatencyTargets targets,
                                     java.util.function.BooleanSupplier cancelled) {
        double lastArrival = requests.arrivalSeconds()[requests.size() - 1];
        double span = Double.isNaN(lastArrival) ? 1 : Math.max(1e-3, lastArrival);
        SimulationRun run = simulator(policyFor(requests)).run(requests, Math.max(0.01, span / 2000), cancelled);
        return new SimulationResult(run, SimulationSummary.of(run, warmupSeconds, targets));
    }

    /** {@code replicas} copies of this replica behind a router, simulated together; the summary is the fleet's. */
    public SimulationResult simulateFleet(RequestSet requests, int replicas, ReplicaSimulator.Router router, double warmupSeconds,
                                          LatencyTargets targets) {
        double lastArrival = requests.arrivalSeconds()[requests.size() - 1];
        SimulationRun run = simulator(policyFor(requests)).runFleet(requests, replicas, router,
                Math.max(0.01, Math.max(1e-3, lastArrival) / 2000));
        return new SimulationResult(run, SimulationSummary.of(run, warmupSeconds, targets));
    }
}
