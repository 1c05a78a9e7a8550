package io.inferplan.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.catalog.store.AcceleratorLookup;
import io.inferplan.cli.calibration.AccuracySummary;
import io.inferplan.cli.calibration.CaseEvaluator;
import io.inferplan.cli.calibration.CaseOutcome;
import io.inferplan.cli.calibration.CaseResolver;
import io.inferplan.cli.calibration.CaseTable;
import io.inferplan.cli.calibration.LoadPredictions;
import io.inferplan.cli.calibration.ResolvedCase;
import io.inferplan.cli.calibration.WeightPrecisionOrigin;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.hardware.PowerLimitedClock;
import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.model.ResolvedModel;
import io.inferplan.engine.perf.AttentionParallelism;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.MemoryFit;
import io.inferplan.engine.perf.PerformanceEstimate;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.perf.SchedulerDefaults;
import io.inferplan.engine.perf.ServingStack;
import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.perf.WeightOnlyQuantization;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inferplan estimate}: throughput and latency of one configuration, or of every row of a CSV file. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {"Predicts throughput and latency of serving a model on an accelerator.",
                "Either one configuration from the options, or every row of --cases IN.csv written to --out OUT.csv."})
public final class EstimateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", description = "Model preset name, alias or Hugging Face id (Llama-3.1-70B, Qwen/Qwen3-235B-A22B-FP8), or a JSON file describing your own model")
    String model;
    @Option(names = "--accelerator", description = "Accelerator id or alias from the catalog (H100, H200, MI300X...), or this-machine for the latest profile run")
    String accelerator;
    @Option(names = "--gpus", description = "GPUs in total (a multiple of tensor x pipeline parallel; default: one replica)")
    Integer gpus;
    @Option(names = {"--tensor-parallel", "--tp"}, description = "Tensor-parallel degree (default ${DEFAULT-VALUE})", defaultValue = "1")
    int tensorParallel;
    @Option(names = {"--pipeline-parallel", "--pp"}, description = "Pipeline-parallel degree (default ${DEFAULT-VALUE})", defaultValue = "1")
    int pipelineParallel;
    @Option(names = {"--expert-parallel", "--ep"}, description = "Expert-parallel degree within a replica (default ${DEFAULT-VALUE})", defaultValue = "1")
    int expertParallel;
    @Option(names = "--weight-precision", description = "fp32, bf16, fp16, fp8, int8, fp4, int4 (default: the model name's precision suffix such as -FP8 or -NVFP4, else fp8)")
    String weightPrecision;
    @Option(names = "--kv-precision", description = "KV cache precision (default: as the weights, fp8 for 4-bit weights; vLLM and SGLang themselves keep bf16 unless told fp8 or the checkpoint carries KV scales)")
    String kvPrecision;
    @Option(names = "--input-tokens", description = "Prompt tokens per request (default ${DEFAULT-VALUE})", defaultValue = "1000")
    double inputTokens;
    @Option(names = "--output-tokens", description = "Generated tokens per request, reasoning included (default ${DEFAULT-VALUE})", defaultValue = "1000")
    double outputTokens;
    @Option(names = "--prompt-cache-hit-rate", description = "Share of input tokens served from the prefix cache, 0..1 (default ${DEFAULT-VALUE})", defaultValue = "0")
    double promptCacheHitRate;
    @Option(names = "--scenario", description = "offline, batch or interactivity (default ${DEFAULT-VALUE})", defaultValue = "offline")
    String scenario;
    @Option(names = "--batch", description = "Concurrent requests for --scenario batch")
    Integer batch;
    @Option(names = "--min-tokens-per-s-per-user", description = "Per-user speed floor for --scenario interactivity")
    Double minTokensPerSecondPerUser;
    @Option(names = "--serving-stack", description = "tensorrt-llm (1.x, PyTorch backend), tensorrt-llm-engine (TensorRT engines, 0.x), vllm, sglang or generic (default ${DEFAULT-VALUE}: nothing known about the stack)", defaultValue = "generic")
    String servingStack;
    @Option(names = "--max-batch", description = "The serving engine's limit on sequences in flight (default: the stack's)")
    Integer maxBatch;
    @Option(names = "--draft-tokens", description = "Speculative decoding / MTP: tokens drafted per step (default: none)")
    Integer draftTokens;
    @Option(names = "--acceptance-rate", description = "Share of drafted tokens accepted, 0..0.99 (default 0.7)")
    Double acceptanceRate;
    @Option(names = "--attention-parallel", description = "tensor, data (attention data-parallel, experts expert-parallel) or auto (default: auto, data only where it serves more, for fine-grained MoE)")
    String attentionParallel;
    @Option(names = "--json", description = "Print the result as JSON")
    boolean json;
    @Option(names = "--cases", paramLabel = "IN.csv", description = "Evaluate every row of this CSV (calibration.csv layout)")
    Path cases;
    @Option(names = "--out", paramLabel = "OUT.csv", description = "Where --cases writes its rows with the predictions added")
    Path out;

    /** What --weight-precision means when neither the option nor the model name gives one. */
    static final Precision DEFAULT_WEIGHT_PRECISION = Precision.FP8;

    @Override
    public Integer call() throws IOException {
        // A cases file keeps weight_precision required (an empty cell is an error unless the model name implies one);
        // a single configuration defaults to FP8, as it always did.
        CaseResolver resolver = cases != null ? new CaseResolver(ModelPresets.bundled(), UserCatalog.lookup(spec))
                : new CaseResolver(ModelPresets.bundled(), UserCatalog.lookup(spec), DEFAULT_WEIGHT_PRECISION);
        CaseEvaluator evaluator = new CaseEvaluator(resolver, PerformanceModel.standard());
        return cases != null ? evaluateCases(evaluator) : evaluateOne(evaluator);
    }

    /** Whether two paths name one file (also through links or different spellings of the path). */
    static boolean sameFile(Path a, Path b) throws IOException {
        if (Files.exists(a) && Files.exists(b)) {
            return Files.isSameFile(a, b);
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private int evaluateCases(CaseEvaluator evaluator) throws IOException {
        if (out == null) {
            throw new InvalidInputException("--out", "is required with --cases (where to write the predictions)");
        }
        if (sameFile(cases, out)) {
            throw new InvalidInputException("--out", "is the --cases file " + cases + ": choose another file (writing there would overwrite the input)");
        }
        // Streamed, two passes: the first only looks for load rows (they add columns), the second evaluates and
        // writes each row as it goes, so memory stays flat however many rows the file has.
        boolean[] anyLoad = {false};
        CaseTable.forEachRow(cases, (columns, row) -> anyLoad[0] |= LoadPredictions.isLoadScenario(row));
        LoadPredictions load = new LoadPredictions(PerformanceModel.standard());
        AccuracySummary.Builder accuracyOf = new AccuracySummary.Builder();
        List<Map<String, String>> loadRows = new ArrayList<>();
        long[] counts = new long[2];
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        // Written beside the target and moved into place: a run that fails halfway leaves no half-written file.
        Path partial = out.resolveSibling(out.getFileName() + ".part");
        try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            writeCases(writer, evaluator, anyLoad[0], load, accuracyOf, loadRows, counts);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return report(counts, loadRows, accuracyOf);
    }

    /** The second pass: every row evaluated and written at once; only numbers (and the few load rows) are kept. */
    private void writeCases(BufferedWriter writer, CaseEvaluator evaluator, boolean anyLoad, LoadPredictions load,
                            AccuracySummary.Builder accuracyOf, List<Map<String, String>> loadRows, long[] counts) throws IOException {
        CaseTable.RowWriter[] rows = {null};
        try {
            CaseTable.forEachRow(cases, (columns, row) -> {
                if (rows[0] == null) {
                    List<String> header = CaseEvaluator.columnsWithPredictions(columns);
                    rows[0] = new CaseTable.RowWriter(writer, anyLoad ? LoadPredictions.columnsWithLoad(header) : header);
                }
                CaseOutcome outcome = evaluator.evaluate(row);
                Map<String, String> predicted = CaseEvaluator.predictionRow(row, outcome);
                if (anyLoad) {
                    predicted = load.withLoadColumns(predicted, outcome);
                    if (LoadPredictions.isLoadScenario(predicted)) {
                        loadRows.add(predicted);
                    }
                }
                rows[0].write(predicted);
                accuracyOf.add(outcome);
                counts[0]++;
                counts[1] += outcome.failed() ? 1 : 0;
            });
        } finally {
            if (rows[0] != null) {
                rows[0].close();
            }
        }
    }

    private int report(long[] counts, List<Map<String, String>> loadRows, AccuracySummary.Builder accuracyOf) {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Evaluated %d rows of %s: %d with a prediction, %d with an error (see the error column). Wrote %s%n",
                counts[0], cases, counts[0] - counts[1], counts[1], out);
        String latency = LoadPredictions.accuracyMarkdown(loadRows);
        if (!latency.isEmpty()) {
            stdout.println();
            stdout.println("Simulated latency against the measured columns of the load rows:");
            stdout.print(latency);
        }
        AccuracySummary accuracy = accuracyOf.build();
        if (accuracy.hasMeasurements()) {
            stdout.println();
            stdout.println("Accuracy against the measured output_tokens_per_s of the rows:");
            stdout.print(accuracy.toMarkdown());
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    private int evaluateOne(CaseEvaluator evaluator) {
        if (model == null || accelerator == null) {
            throw new InvalidInputException(model == null ? "--model" : "--accelerator", "is required (or use --cases IN.csv)");
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put("model", model);
        row.put("accelerator", accelerator);
        row.put("tensor_parallel", Integer.toString(tensorParallel));
        row.put("pipeline_parallel", Integer.toString(pipelineParallel));
        row.put("expert_parallel", Integer.toString(expertParallel));
        row.put("gpus", Integer.toString(gpus == null ? tensorParallel * pipelineParallel : gpus));
        row.put("weight_precision", weightPrecision == null ? "" : weightPrecision);
        row.put("kv_precision", kvPrecision == null ? "" : kvPrecision);
        row.put("input_tokens", Double.toString(inputTokens));
        row.put("output_tokens", Double.toString(outputTokens));
        row.put("prompt_cache_hit_rate", Double.toString(promptCacheHitRate));
        row.put("scenario", scenario);
        row.put("batch", batch == null ? "" : batch.toString());
        row.put("min_tokens_per_s_per_user", minTokensPerSecondPerUser == null ? "" : minTokensPerSecondPerUser.toString());
        row.put("serving_stack", servingStack);
        row.put("max_batch", maxBatch == null ? "" : maxBatch.toString());
        row.put("draft_tokens", draftTokens == null ? "" : draftTokens.toString());
        row.put("attention_parallel", attentionParallel == null ? "" : attentionParallel);
        row.put("acceptance_rate", acceptanceRate == null ? "" : acceptanceRate.toString());
        CaseOutcome outcome = evaluator.evaluate(row);
        if (outcome.failed()) {
            throw new InvalidInputException("estimate", outcome.error());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(json ? toJson(outcome) : toTable(outcome, kvPrecision != null));
        stdout.flush();
        return ExitCodes.OK;
    }

    static String toTable(CaseOutcome outcome, boolean kvPrecisionGiven) {
        ResolvedCase c = outcome.resolved();
        PerformanceEstimate e = outcome.estimate();
        Deployment d = c.deployment();
        MemoryFit m = e.memory();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s on %d x %s (TP %d, PP %d%s), %s weights, %s KV cache, %s%n",
                c.model().name(), d.gpusPerReplica() * c.replicas(), d.accelerator().name(), d.tensorParallel(), d.pipelineParallel(),
                c.replicas() > 1 ? ", " + c.replicas() + " replicas" : "", d.weightPrecision().id(), d.kvPrecision().id(),
                d.servingStack().displayName()));
        weightPrecisionNote(c).ifPresent(note -> line(s, "Weight precision", note));
        if (!kvPrecisionGiven) {
            defaultKvCacheNote(d).ifPresent(note -> line(s, "KV cache", note));
        }
        WeightOnlyQuantization.of(d).ifPresent(q -> line(s, "Quantisation", q.describe(d.accelerator().name())));
        PowerLimitedClock.describe(d.accelerator()).ifPresent(text -> line(s, "Power limit", text
                + " (`inferplan catalog show " + d.accelerator().id() + "`)"));
        line(s, "Request", String.format(Locale.ROOT, "%.0f input + %.0f output tokens, %s", c.request().inputTokens(),
                c.request().outputTokens(), describe(c.target())));
        int running = e.batch() * c.replicas();
        int queued = c.target() instanceof ServingTarget.FixedBatch fixed ? Math.max(0, fixed.concurrentRequests() - running) : 0;
        line(s, "Concurrent requests", String.format(Locale.ROOT, "%,d (memory allows %,d per replica)%s", running,
                m.maxBatchByMemory(), queued > 0 ? String.format(Locale.ROOT, "; %,d more wait for a slot", queued) : ""));
        line(s, "Output throughput", String.format(Locale.ROOT, "%,.0f tokens/s (%,.0f per GPU)", outcome.predictedOutputTokensPerSecond(),
                e.outputTokensPerSecondPerGpu()));
        line(s, "Requests", String.format(Locale.ROOT, "%,.2f per second", e.requestsPerSecond() * c.replicas()));
        line(s, "Time to first token", String.format(Locale.ROOT, "%,.0f ms", e.timeToFirstTokenSeconds() * 1e3));
        line(s, "Time per output token", String.format(Locale.ROOT, "%.1f ms (%.1f tokens/s per user)",
                e.timePerOutputTokenSeconds() * 1e3, e.outputTokensPerSecondPerUser()));
        line(s, "Limited by", e.limitedBy().description());
        if (e.attentionParallelism() == AttentionParallelism.DATA) {
            line(s, "Layout", "attention data-parallel, experts spread over the " + d.gpusPerReplica() + " GPUs");
            int hold = SchedulerDefaults.attentionDpBalanceTimeoutIterations(d.servingStack());
            if (hold > 0) {
                line(s, "Scheduler", d.servingStack().displayName() + " holds each new prompt until every attention rank has one, up to "
                        + hold + " iterations (attention_dp_config enable_balance, as NVIDIA's recipes set it); the TTFT includes the wait");
            }
        }
        line(s, "Memory per GPU", String.format(Locale.ROOT, "%.1f GB weights, %.1f GB runtime, %.1f GB KV cache of %.1f GB",
                m.weightBytes() / 1e9, (m.runtimeReserveBytes() + m.activationBytes()) / 1e9, m.kvBudgetBytes() / 1e9, m.memoryBytes() / 1e9));
        if (d.speculative() != null) {
            line(s, "Speculative decoding", String.format(Locale.ROOT, "%d drafts at %.0f%% acceptance: %.2f tokens per step",
                    d.speculative().draftTokens(), d.speculative().acceptanceRate() * 100, d.speculative().tokensPerStep()));
        }
        line(s, "Prefill share of time", String.format(Locale.ROOT, "%.0f%%", e.prefillTimeShare() * 100));
        line(s, "Trust", e.errorBand().summary());
        return s.toString();
    }

    /**
     * An FP8 cache assumed for FP8 weights, where vLLM and SGLang keep the model's BF16 unless told otherwise
     * ({@code --kv-cache-dtype auto}) or the checkpoint carries KV scales: the sweeps' block-FP8 rows read their context
     * at about twice the FP8 cost (docs/performance-model.md, What the measurements allow).
     */
    static Optional<String> defaultKvCacheNote(Deployment d) {
        boolean autoCacheStack = d.servingStack() == ServingStack.VLLM || d.servingStack() == ServingStack.SGLANG;
        if (!autoCacheStack || d.kvPrecision() != Precision.FP8 || d.weightPrecision() != Precision.FP8) {
            return Optional.empty();
        }
        return Optional.of("fp8 assumed (as the weights); " + d.servingStack().displayName() + " keeps a bf16 cache unless run with "
                + "--kv-cache-dtype fp8 or the checkpoint carries KV scales: plan that with --kv-precision bf16");
    }

    /**
     * Says where the weight precision came from when the model name had a say: taken from its precision suffix, or
     * given and different from what the suffix implies. Nothing when the name has no precision suffix.
     */
    static Optional<String> weightPrecisionNote(ResolvedCase c) {
        ResolvedModel name = c.modelName();
        if (name.impliedWeightPrecision().isEmpty()) {
            return Optional.empty();
        }
        Precision used = c.deployment().weightPrecision();
        Precision implied = name.impliedWeightPrecision().get();
        if (c.weightPrecisionOrigin() == WeightPrecisionOrigin.MODEL_NAME) {
            return Optional.of(used.id() + ", from the model name's -" + name.precisionSuffix()
                    + " suffix (--weight-precision overrides it)");
        }
        return used == implied ? Optional.empty() : Optional.of(used.id() + " as given; the model name's -"
                + name.precisionSuffix() + " suffix means " + implied.id());
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append(String.format(Locale.ROOT, "  %-24s %s%n", label, value));
    }

    static String describe(ServingTarget target) {
        return switch (target) {
            case ServingTarget.Offline o -> "offline (highest throughput)";
            case ServingTarget.FixedBatch b -> b.concurrentRequests() + " requests in flight";
            case ServingTarget.Interactivity i -> String.format(Locale.ROOT, "at least %.0f tokens/s per user", i.minOutputTokensPerSecondPerUser());
            case ServingTarget.LatencyTargets l -> String.format(Locale.ROOT, "TTFT <= %.0f ms, TPOT <= %.0f ms",
                    l.maxTimeToFirstTokenSeconds() * 1e3, l.maxTimePerOutputTokenSeconds() * 1e3);
        };
    }

    static String toJson(CaseOutcome outcome) {
        ResolvedCase c = outcome.resolved();
        PerformanceEstimate e = outcome.estimate();
        ObjectNode root = JsonSupport.mapper().createObjectNode();
        ObjectNode input = root.putObject("configuration");
        input.put("model", c.model().id());
        input.put("accelerator", c.deployment().accelerator().id());
        input.put("gpus", c.deployment().gpusPerReplica() * c.replicas());
        input.put("tensorParallel", c.deployment().tensorParallel());
        input.put("pipelineParallel", c.deployment().pipelineParallel());
        input.put("replicas", c.replicas());
        input.put("weightPrecision", c.deployment().weightPrecision().id());
        input.put("weightPrecisionFrom", c.weightPrecisionOrigin().id());
        WeightOnlyQuantization.of(c.deployment()).ifPresent(q -> {
            input.put("weightsDequantizedTo", q.mathPrecision().id());
            input.put("dequantizationComputeFactor", WeightOnlyQuantization.COMPUTE_FACTOR);
        });
        if (!c.modelName().precisionSuffix().isEmpty()) {
            input.put("modelNamePrecisionSuffix", c.modelName().precisionSuffix());
            input.put("modelNamePrecision", c.modelName().impliedWeightPrecision().orElseThrow().id());
        }
        input.put("kvPrecision", c.deployment().kvPrecision().id());
        input.put("sustainedComputeShare", c.deployment().accelerator().sustainedComputeShare());
        input.put("servingStack", c.deployment().servingStack().id());
        input.put("inputTokens", c.request().inputTokens());
        input.put("outputTokens", c.request().outputTokens());
        input.put("scenario", describe(c.target()));
        ObjectNode result = root.putObject("estimate");
        result.put("outputTokensPerSecond", outcome.predictedOutputTokensPerSecond());
        result.put("outputTokensPerSecondPerGpu", e.outputTokensPerSecondPerGpu());
        result.put("requestsPerSecond", e.requestsPerSecond() * c.replicas());
        result.put("batch", e.batch() * c.replicas());
        result.put("timeToFirstTokenMs", e.timeToFirstTokenSeconds() * 1e3);
        result.put("timePerOutputTokenMs", e.timePerOutputTokenSeconds() * 1e3);
        result.put("outputTokensPerSecondPerUser", e.outputTokensPerSecondPerUser());
        result.put("prefillTimeShare", e.prefillTimeShare());
        result.put("limitedBy", e.limitedBy().name().toLowerCase(Locale.ROOT));
        result.put("attentionParallelism", e.attentionParallelism().id());
        ObjectNode memory = result.putObject("memoryPerGpu");
        memory.put("capacityBytes", e.memory().memoryBytes());
        memory.put("weightBytes", e.memory().weightBytes());
        memory.put("runtimeBytes", e.memory().runtimeReserveBytes() + e.memory().activationBytes());
        memory.put("kvBudgetBytes", e.memory().kvBudgetBytes());
        memory.put("kvBytesPerSequence", e.memory().kvBytesPerSequence());
        memory.put("maxBatchByMemory", e.memory().maxBatchByMemory());
        ObjectNode trust = result.putObject("errorBand");
        trust.put("expectedErrorPercent", e.errorBand().expectedErrorPercent());
        trust.put("measurements", e.errorBand().measurementCount());
        trust.put("basis", e.errorBand().basis());
        return root.toPrettyString() + System.lineSeparator();
    }
}
