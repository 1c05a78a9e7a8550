package io.inferplan.app.editor;

import io.inferplan.app.editor.FieldSpec.Choice;
import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.perf.ServingStack;
import java.util.Arrays;
import java.util.List;

/**
 * The scenario's editable fields by section, with the document paths of {@code io.inferplan.engine.scenario.Scenario}
 * (schema version 1). Ranges here are the form's first check; the engine's own checks come after.
 */
public final class ScenarioFields {
    static final String ACCELERATOR_PATH = "deployment.accelerator";

    private ScenarioFields() {
    }

    public static List<FieldSpec> workload() {
        return List.of(
                FieldSpec.number("workload.averageRequestsPerSecond", "Average load", "requests/s", 0.0001, 1e9).optionalField()
                        .withHelp("Demand as requests per second, or leave empty and give tokens per day."),
                FieldSpec.number("workload.tokensPerDay", "Or tokens/day", "all kinds", 1, 1e18).optionalField()
                        .withHelp("Demand as all tokens of all requests per day (instead of requests per second)."),
                FieldSpec.number("workload.peakRequestsPerSecond", "Peak load", "requests/s", 0.0001, 1e9).optionalField()
                        .withHelp("The fleet is sized for the peak; cost per token is paid at the average."),
                FieldSpec.number("workload.peakToAverageRatio", "Or peak ratio", "× average", 1, 100).optionalField(),
                FieldSpec.number("workload.inputTokens.mean", "Input", "tokens/request", 1, 10_000_000),
                FieldSpec.number("workload.outputTokens.mean", "Output", "tokens/request", 0, 10_000_000),
                FieldSpec.number("workload.reasoningTokens.mean", "Reasoning", "tokens/request", 0, 10_000_000).optionalField()
                        .withHelp("Hidden reasoning tokens: generated like output and usually billed as output."),
                FieldSpec.percent("workload.promptCacheHitRate", "Cache hits", 100).optionalField()
                        .withHelp("Share of input tokens served from the prompt cache."),
                FieldSpec.number("workload.latency.maxTimeToFirstTokenSeconds", "TTFT target", "s, 0 = none", 0, 3600).optionalField(),
                FieldSpec.number("workload.latency.maxTimePerOutputTokenSeconds", "TPOT target", "s, 0 = none", 0, 60).optionalField());
    }

    public static List<FieldSpec> deployment(List<Choice> accelerators) {
        return List.of(
                FieldSpec.choice("deployment.model", "Model", models()),
                FieldSpec.choice(ACCELERATOR_PATH, "Accelerator", accelerators),
                FieldSpec.integer("deployment.tensorParallel", "GPUs/replica", "tensor par.", 1, 4096),
                FieldSpec.choice("deployment.weightPrecision", "Weights", precisions()),
                FieldSpec.choice("deployment.kvPrecision", "KV cache", precisions()),
                FieldSpec.choice("deployment.servingStack", "Serving stack", stacks()),
                FieldSpec.percent("deployment.plannedUtilization", "Peak load cap", 100).optionalField()
                        .withHelp("Share of replica capacity the peak may use; the rest is headroom for bursts."),
                FieldSpec.integer("deployment.minReplicas", "Min. replicas", "replicas", 1, 100_000).optionalField());
    }

    public static List<FieldSpec> rent() {
        return List.of(
                FieldSpec.choice("cost.term", "Rental term", List.of(new Choice("on-demand", "on-demand"),
                        new Choice("reserved", "reserved"), new Choice("spot", "spot"))),
                FieldSpec.number("cost.usdPerGpuHour", "Rate", "$/GPU-hour", 0.01, 10_000));
    }

    public static List<FieldSpec> own() {
        return List.of(
                FieldSpec.number("cost.priceUsdPerGpu", "Price per GPU", "USD", 1, 10_000_000),
                FieldSpec.number("cost.serverShareUsdPerGpu", "Server share", "USD/GPU", 0, 10_000_000),
                FieldSpec.number("cost.depreciationYears", "Depreciation", "years", 1, 10),
                FieldSpec.percent("cost.costOfCapitalPerYear", "Cost of capital", 100),
                FieldSpec.number("cost.serverOverheadWattsPerGpu", "Server power", "W/GPU", 0, 100_000),
                FieldSpec.number("cost.powerUsageEffectiveness", "PUE", "", 1, 3),
                FieldSpec.number("cost.usdPerKilowattHour", "Electricity", "$/kWh", 0, 10),
                FieldSpec.number("cost.hostingUsdPerKilowattMonth", "Hosting", "$/kW-month", 0, 10_000),
                FieldSpec.percent("cost.operationsShareOfCapexPerYear", "Operations", 100)
                        .withHelp("Support, spares and staff per year, as a share of capex."));
    }

    public static List<FieldSpec> projection() {
        return List.of(
                FieldSpec.integer("projection.months", "Horizon", "months", 1, 240).optionalField(),
                FieldSpec.percent("projection.demandGrowthPerMonth", "Demand growth", 1000).optionalField()
                        .withHelp("Compound growth of requests per month."),
                FieldSpec.percent("projection.priceDeclinePerYear", "Price decline", 100).optionalField(),
                FieldSpec.percent("projection.hardwareCostDeclinePerYear", "HW cost decline", 100).optionalField(),
                FieldSpec.percent("projection.reasoningTokenGrowthPerYear", "Reasoning growth", 1000).optionalField(),
                FieldSpec.number("projection.priceElasticity", "Price elasticity", "", 0, 10).optionalField());
    }

    static List<Choice> models() {
        return ModelPresets.bundled().all().stream().map(ModelSpec::id).map(id -> new Choice(id, id)).toList();
    }

    static List<Choice> precisions() {
        return Arrays.stream(Precision.values()).map(p -> new Choice(p.name(), p.id())).toList();
    }

    static List<Choice> stacks() {
        return Arrays.stream(ServingStack.values()).map(s -> new Choice(s.name(), s.displayName())).toList();
    }
}
