package io.inferplan.engine.bench;

import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.PerformanceEstimate;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.perf.RequestShape;
import io.inferplan.engine.perf.ServingStack;
import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.perf.TestAccelerators;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single estimates per second on one thread (one core): the figure that decides whether sweeps over millions of
 * configurations stay interactive. Run with tools/benchmark-engine.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class EstimateBenchmark {
    private final PerformanceModel model = PerformanceModel.standard();
    private ModelSpec llama70;
    private ModelSpec qwenMoe;
    private Deployment tp4;
    private Deployment tp8;
    private RequestShape request;
    private int counter;

    @Setup
    public void setUp() {
        llama70 = ModelPresets.bundled().require("model", "Llama-3.1-70B");
        qwenMoe = ModelPresets.bundled().require("model", "Qwen3-235B-A22B");
        tp4 = Deployment.of(TestAccelerators.h100(), 4, Precision.FP8, Precision.FP8, ServingStack.TENSORRT_LLM);
        tp8 = Deployment.of(TestAccelerators.h100(), 8, Precision.FP8, Precision.FP8, ServingStack.VLLM);
        request = RequestShape.of(1000, 1000);
    }

    /** Highest-throughput operating point: closed form once the memory fit is known. */
    @Benchmark
    public PerformanceEstimate offlineDense() {
        // Vary the output length so nothing can be hoisted out of the loop.
        counter = (counter + 1) & 1023;
        return model.estimate(llama70, tp4, RequestShape.of(1000, 500 + counter), new ServingTarget.Offline());
    }

    /** Interactivity target: a search over the batch, about a dozen cycle evaluations. */
    @Benchmark
    public PerformanceEstimate interactivityMoe() {
        counter = (counter + 1) & 1023;
        return model.estimate(qwenMoe, tp8, RequestShape.of(2000, 800 + counter), new ServingTarget.Interactivity(30));
    }

    /** Fixed batch: one cycle evaluation. */
    @Benchmark
    public PerformanceEstimate fixedBatch() {
        counter = (counter + 1) & 255;
        return model.estimate(llama70, tp4, request, new ServingTarget.FixedBatch(1 + counter));
    }
}
