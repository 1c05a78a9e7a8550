package io.inferplan.engine.scenario;

import static io.inferplan.engine.Checks.present;

import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.perf.Deployment;

/**
 * A scenario with its names looked up: the model architecture and the deployment on a concrete accelerator
 * (and on the new generation, when the projection has one). Ready to evaluate.
 *
 * @param newGeneration null when the projection has no new hardware generation
 */
public record ResolvedScenario(Scenario scenario, ModelSpec model, Deployment deployment, Deployment newGeneration) {
    public ResolvedScenario {
        present("scenario", scenario);
        present("model", model);
        present("deployment", deployment);
    }
}
