package io.inferplan.engine.sim;

/** A run and its summary. */
public record SimulationResult(SimulationRun run, SimulationSummary summary) {
}
