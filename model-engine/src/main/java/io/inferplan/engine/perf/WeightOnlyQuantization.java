package io.inferplan.engine.perf;

import io.inferplan.engine.model.Precision;
import java.util.Locale;
import java.util.Optional;

/**
 * Weights stored narrower than the accelerator can compute in (FP4 on Hopper, INT4 on any part without INT4 math):
 * they are read at their stored width, which is where the memory and bandwidth savings come from, and dequantized to
 * {@code mathPrecision} inside the matrix kernels, which costs matrix throughput.
 *
 * @param storedAs      the weights' precision in memory
 * @param mathPrecision what the matrix math runs in on this accelerator
 */
public record WeightOnlyQuantization(Precision storedAs, Precision mathPrecision) {
    /**
     * Matrix throughput kept while dequantizing in the kernel: a stated estimate (weight-only 4-bit GEMMs reach about
     * 80-90% of the 8/16-bit GEMM's rate at large batch, and hide the dequantization behind memory at small batch).
     */
    public static final double COMPUTE_FACTOR = 0.85;

    /** The quantization this deployment implies, or empty when the weights' own format is computed in natively. */
    public static Optional<WeightOnlyQuantization> of(Deployment deployment) {
        Precision weights = deployment.weightPrecision();
        Precision math = ReplicaLayout.mathPrecision(deployment);
        return weights.nominalBits() < math.nominalBits() ? Optional.of(new WeightOnlyQuantization(weights, math)) : Optional.empty();
    }

    /** What an estimate assumes, in a sentence for the places that show it. */
    public String describe(String acceleratorName) {
        return String.format(Locale.ROOT, "%s weights are stored in %d bits and dequantized to %s for the matrix math (%s has no "
                        + "%s arithmetic): memory and bandwidth at %d bits, matrix throughput modelled at %.0f%% for the dequantization (an estimate)",
                storedAs.id(), storedAs.nominalBits(), mathPrecision.id(), acceleratorName, storedAs.id(), storedAs.nominalBits(),
                COMPUTE_FACTOR * 100);
    }
}
