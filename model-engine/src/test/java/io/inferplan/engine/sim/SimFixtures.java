package io.inferplan.engine.sim;

import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.perf.RequestShape;
import io.inferplan.engine.perf.ServingStack;
import io.inferplan.engine.perf.TestAccelerators;

/** Replicas the simulator tests share. */
final class SimFixtures {
    private SimFixtures() {
    }

    static SimulatedReplica replica(String model, int tensorParallel, ServingStack stack, double input, double output) {
        Deployment deployment = Deployment.of(TestAccelerators.h100(), tensorParallel, Precision.BF16, Precision.BF16, stack);
        return SimulatedReplica.of(PerformanceModel.standard(), ModelPresets.bundled().require("model", model), deployment,
                RequestShape.of(input, output));
    }

    static SimulatedReplica llama8b(ServingStack stack) {
        return replica("Llama-3.1-8B", 1, stack, 467, 256);
    }

    static RequestSet poisson(double rate, int count, int input, int output, long seed) {
        return RequestSet.generate(new ArrivalProcess.Poisson(rate), new LengthDistribution.Fixed(input),
                new LengthDistribution.Fixed(output), count, 0, seed);
    }
}
