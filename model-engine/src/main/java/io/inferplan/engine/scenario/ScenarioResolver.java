package io.inferplan.engine.scenario;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.perf.Deployment;

/** Looks up a scenario's model and accelerator names and builds the engine's deployment records. */
public final class ScenarioResolver {
    private final AcceleratorResolver accelerators;
    private final ModelPresets models;

    public ScenarioResolver(AcceleratorResolver accelerators, ModelPresets models) {
        this.accelerators = accelerators;
        this.models = models;
    }

    /** With the bundled model presets. */
    public ScenarioResolver(AcceleratorResolver accelerators) {
        this(accelerators, ModelPresets.bundled());
    }

    /**
     * @throws InvalidInputException naming {@code deployment.model}, {@code deployment.accelerator} or the layout
     *                               field when a name is unknown or the layout is inconsistent
     */
    public ResolvedScenario resolve(Scenario scenario) {
        DeploymentPlan plan = scenario.deployment();
        ModelSpec model = plan.customModel() != null ? plan.customModel() : models.require("deployment.model", plan.model());
        AcceleratorSpec accelerator = plan.customAccelerator() != null ? plan.customAccelerator()
                : accelerator("deployment.accelerator", plan.accelerator());
        Deployment deployment = deployment(plan, accelerator, plan.tensorParallel(), "deployment");
        Deployment newGeneration = null;
        var generation = scenario.projection().newGeneration();
        if (generation != null) {
            AcceleratorSpec next = accelerator("projection.newGeneration.accelerator", generation.accelerator());
            int tensorParallel = generation.tensorParallel() != null ? generation.tensorParallel() : plan.tensorParallel();
            newGeneration = deployment(plan, next, tensorParallel, "projection.newGeneration");
        }
        return new ResolvedScenario(scenario, model, deployment, newGeneration);
    }

    private AcceleratorSpec accelerator(String field, String name) {
        return accelerators.find(name).orElseThrow(() -> new InvalidInputException(field, "unknown accelerator '" + name + "'"
                + (accelerators.knownIds().isEmpty() ? "" : "; known: " + String.join(", ", accelerators.knownIds()))));
    }

    private static Deployment deployment(DeploymentPlan plan, AcceleratorSpec accelerator, int tensorParallel, String path) {
        try {
            return new Deployment(accelerator, tensorParallel * plan.pipelineParallel(), tensorParallel, plan.pipelineParallel(),
                    plan.expertParallel(), plan.weightPrecision(), plan.kvPrecision(), plan.activationPrecision(),
                    plan.servingStack(), plan.maxBatch(), plan.speculative());
        } catch (InvalidInputException e) {
            // The Deployment record names its fields "deployment.x"; place them where the scenario has them.
            String field = e.field().startsWith("deployment.") ? e.field().substring("deployment.".length()) : e.field();
            throw e.withField(path + "." + field);
        }
    }
}
