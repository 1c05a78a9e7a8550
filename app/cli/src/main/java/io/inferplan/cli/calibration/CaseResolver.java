package io.inferplan.cli.calibration;

import io.inferplan.catalog.store.AcceleratorLookup;
import io.inferplan.cli.text.BoundedText;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.model.ResolvedModel;
import io.inferplan.engine.perf.AttentionParallelism;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.DisaggregatedDeployment;
import io.inferplan.engine.perf.RequestShape;
import io.inferplan.engine.perf.ServingStack;
import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.perf.SpeculativeDecoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns a row of named columns (the calibration.csv layout) into a resolved configuration. Names of models and
 * accelerators are matched case-insensitively with their aliases, Hugging Face repo ids and the names vendors and
 * MLPerf print; every bad value names its column. An empty weight_precision takes the model name's precision
 * suffix ("-FP8"), else the resolver's default, else is an error.
 */
public final class CaseResolver {
    private final ModelPresets models;
    private final AcceleratorLookup accelerators;
    private final Precision defaultWeightPrecision;

    /** Every row must give weight_precision or name a model with a precision suffix. */
    public CaseResolver(ModelPresets models, AcceleratorLookup accelerators) {
        this(models, accelerators, null);
    }

    /** @param defaultWeightPrecision what an empty weight_precision means when the model name implies none (null: an error) */
    public CaseResolver(ModelPresets models, AcceleratorLookup accelerators, Precision defaultWeightPrecision) {
        this.models = models;
        this.accelerators = accelerators;
        this.defaultWeightPrecision = defaultWeightPrecision;
    }

    public ResolvedCase resolve(Map<String, String> row) {
        String caseId = text(row, "case", "");
        ResolvedModel modelName = model(required(row, "model"));
        ModelSpec model = modelName.model();
        AcceleratorSpec accelerator = accelerators.require("accelerator", required(row, "accelerator"));
        // 0 means not stated (one replica): tables that write attention_dp_size 0 for "none" and multiply it into the
        // GPU count give 0, as expert_parallel 0 below means no expert parallelism.
        int statedGpus = wholeNumber(row, "gpus", 1, 0, 100_000);
        int tensorParallel = wholeNumber(row, "tensor_parallel", Math.max(1, statedGpus), 1, 4096);
        int pipelineParallel = wholeNumber(row, "pipeline_parallel", 1, 1, 512);
        // Data-parallel attention (attention_data_parallel > 1): that many attention groups of tensor_parallel GPUs
        // share one expert-parallel MoE, so the replica spans all of them.
        int attentionDataParallel = Math.max(1, wholeNumber(row, "attention_data_parallel", 1, 0, 4096));
        int replicaTensor = tensorParallel * attentionDataParallel;
        int gpusPerReplica = replicaTensor * pipelineParallel;
        int gpus = statedGpus == 0 ? gpusPerReplica : statedGpus;
        if (gpus % gpusPerReplica != 0) {
            throw new InvalidInputException("gpus", "must be a multiple of tensor_parallel x pipeline_parallel"
                    + (attentionDataParallel > 1 ? " x attention_data_parallel" : "") + " (" + gpusPerReplica + "), was " + gpus);
        }
        // 0, as some published tables write it, means no expert parallelism.
        int expertParallel = Math.max(1, wholeNumber(row, "expert_parallel", 1, 0, gpusPerReplica));
        String weightText = text(row, "weight_precision", "");
        WeightPrecisionOrigin origin = !weightText.isEmpty() ? WeightPrecisionOrigin.GIVEN
                : modelName.impliedWeightPrecision().isPresent() ? WeightPrecisionOrigin.MODEL_NAME
                : defaultWeightPrecision != null ? WeightPrecisionOrigin.DEFAULT : null;
        if (origin == null) {
            throw new InvalidInputException("weight_precision", "is required (or name the model with a precision suffix such as -FP8)");
        }
        Precision weights = switch (origin) {
            case GIVEN -> Precision.parse("weight_precision", weightText);
            case MODEL_NAME -> modelName.impliedWeightPrecision().orElseThrow();
            case DEFAULT -> defaultWeightPrecision;
        };
        String kvText = text(row, "kv_precision", "");
        Precision kv = kvText.isEmpty() ? defaultKvPrecision(weights) : Precision.parse("kv_precision", kvText);
        ServingStack stack = ServingStack.parse("serving_stack", text(row, "serving_stack", ""));
        int maxBatch = wholeNumber(row, "max_batch", 0, 0, 1_000_000);
        AttentionParallelism attention = attentionDataParallel > 1 ? AttentionParallelism.DATA
                : row.containsKey("attention_data_parallel") && !text(row, "attention_data_parallel", "").isEmpty()
                        ? AttentionParallelism.TENSOR
                        : AttentionParallelism.parse(text(row, "attention_parallel", ""));
        Deployment deployment = new Deployment(accelerator, gpusPerReplica, replicaTensor, pipelineParallel, expertParallel,
                weights, kv, null, stack, maxBatch, speculative(row), attention);
        RequestShape request = new RequestShape(number(row, "input_tokens"), number(row, "output_tokens"),
                optionalNumber(row, "prompt_cache_hit_rate").orElse(0));
        DisaggregatedDeployment disaggregated = null;
        if (!text(row, "prefill_workers", "").isEmpty()) {
            disaggregated = disaggregated(row, deployment);
            // gpus, when stated, counts both pools; tensor_parallel and the other aggregated columns do not apply.
            if (!text(row, "gpus", "").isEmpty() && statedGpus != 0 && statedGpus != disaggregated.gpus()) {
                throw new InvalidInputException("gpus", "must be the prefill and decode pools' GPUs together (" + disaggregated.gpus()
                        + "), was " + statedGpus);
            }
            deployment = disaggregated.decode();
            gpus = gpusPerReplica = deployment.gpusPerReplica();
        }
        return new ResolvedCase(caseId, model, deployment, gpus / gpusPerReplica, request, target(row, attentionDataParallel), measured(row),
                optionalNumber(row, "measured_ttft_ms").orElse(0) / 1e3, optionalNumber(row, "measured_tpot_ms").orElse(0) / 1e3,
                modelName, origin, disaggregated);
    }

    /** The row's prefill and decode pools (columns prefill_* and decode_*), with the row's part, precisions and stack. */
    private static DisaggregatedDeployment disaggregated(Map<String, String> row, Deployment base) {
        Deployment prefill = worker(row, "prefill_", base);
        Deployment decode = worker(row, "decode_", base);
        return new DisaggregatedDeployment(prefill, wholeNumber(row, "prefill_workers", -1, 1, 100_000), decode,
                wholeNumber(row, "decode_workers", 1, 1, 100_000));
    }

    /** One pool's worker: {@code tensor_parallel} x {@code attention_data_parallel} GPUs, as an aggregated replica's columns. */
    private static Deployment worker(Map<String, String> row, String pool, Deployment base) {
        int tensor = wholeNumber(row, pool + "tensor_parallel", 1, 1, 4096);
        int attentionGroups = Math.max(1, wholeNumber(row, pool + "attention_data_parallel", 1, 0, 4096));
        int gpus = tensor * attentionGroups;
        int expert = Math.max(1, wholeNumber(row, pool + "expert_parallel", 1, 0, gpus));
        return new Deployment(base.accelerator(), gpus, gpus, 1, expert, base.weightPrecision(), base.kvPrecision(), null,
                base.servingStack(), base.maxBatch(), base.speculative(),
                attentionGroups > 1 ? AttentionParallelism.DATA : AttentionParallelism.TENSOR);
    }

    /**
     * The KV cache an empty kv_precision means: as the weights, but never below 8 bits, because 4-bit checkpoints
     * (NVFP4, MXFP4, AWQ, GPTQ) are served with an FP8 or 16-bit cache; no stack keeps a 4-bit cache by default.
     */
    static Precision defaultKvPrecision(Precision weights) {
        return weights.nominalBits() < 8 ? Precision.FP8 : weights;
    }

    /** A preset name, alias or Hugging Face id (suffixes read), or the path of a JSON file describing the user's own model. */
    private ResolvedModel model(String nameOrFile) {
        if (nameOrFile.toLowerCase(Locale.ROOT).endsWith(".json")) {
            Path file = Path.of(nameOrFile);
            try {
                return ResolvedModel.plain(ModelPresets.readUserModel(
                        BoundedText.read(file, BoundedText.DOCUMENT_MAX_BYTES)));
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("model", "no such model file: " + nameOrFile);
            } catch (IOException e) {
                throw new InvalidInputException("model", "cannot read " + nameOrFile + " (" + e.getMessage() + ")");
            }
        }
        return models.requireResolved("model", nameOrFile);
    }

    private static SpeculativeDecoding speculative(Map<String, String> row) {
        int drafts = wholeNumber(row, "draft_tokens", 0, 0, 16);
        if (drafts == 0) {
            return null;
        }
        return new SpeculativeDecoding(drafts, optionalNumber(row, "acceptance_rate").orElse(0.7),
                optionalNumber(row, "draft_cost_fraction").orElse(0.0));
    }

    /**
     * With attention data-parallel groups, {@code batch} counts the requests in flight per group, as TensorRT-LLM's
     * {@code max_batch_size} and the published sweeps' {@code batch_size} do (their concurrency is batch_size x
     * attention_dp_size); the replica serves all groups' requests.
     */
    private static ServingTarget target(Map<String, String> row, int attentionDataParallel) {
        String scenario = text(row, "scenario", "offline").toLowerCase(Locale.ROOT);
        return switch (scenario) {
            // load and slo rows are simulated (LoadPredictions); their steady-state estimate is the offline one.
            case "offline", "", "load", "slo" -> new ServingTarget.Offline();
            case "batch" -> new ServingTarget.FixedBatch(
                    wholeNumber(row, "batch", -1, 1, 1_000_000) * attentionDataParallel);
            case "interactivity" -> new ServingTarget.Interactivity(number(row, "min_tokens_per_s_per_user"));
            default -> throw new InvalidInputException("scenario", "must be offline, batch, interactivity, load or slo, was '" + scenario + "'");
        };
    }

    private static OptionalDouble measured(Map<String, String> row) {
        String metric = text(row, "metric", "");
        String value = text(row, "value", "");
        if (!metric.equalsIgnoreCase("output_tokens_per_s") || value.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(number(row, "value"));
    }

    private static String text(Map<String, String> row, String column, String fallback) {
        String value = row.get(column);
        return value == null ? fallback : value.strip();
    }

    private static String required(Map<String, String> row, String column) {
        String value = text(row, column, "");
        if (value.isEmpty()) {
            throw new InvalidInputException(column, "is required");
        }
        return value;
    }

    private static double number(Map<String, String> row, String column) {
        String value = required(row, column);
        try {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(column, "must be a number, was '" + value + "'");
        }
    }

    private static OptionalDouble optionalNumber(Map<String, String> row, String column) {
        return text(row, column, "").isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(number(row, column));
    }

    /** A whole number in [min, max]; {@code fallback} when the column is absent or empty (-1: required). */
    private static int wholeNumber(Map<String, String> row, String column, int fallback, int min, int max) {
        String value = text(row, column, "");
        if (value.isEmpty()) {
            if (fallback < 0) {
                throw new InvalidInputException(column, "is required");
            }
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (parsed != Math.rint(parsed) || parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return (int) parsed;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(column, "must be a whole number from " + min + " to " + max + ", was '" + value + "'");
        }
    }
}
