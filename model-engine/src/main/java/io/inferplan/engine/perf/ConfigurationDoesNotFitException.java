package io.inferplan.engine.perf;

import io.inferplan.engine.InvalidInputException;

/** The model (or a single sequence) does not fit in the replica's memory; says by how much. */
public class ConfigurationDoesNotFitException extends InvalidInputException {
    private final double shortfallBytesPerGpu;

    public ConfigurationDoesNotFitException(String message, double shortfallBytesPerGpu) {
        super("deployment", message);
        this.shortfallBytesPerGpu = shortfallBytesPerGpu;
    }

    public double shortfallBytesPerGpu() {
        return shortfallBytesPerGpu;
    }
}
