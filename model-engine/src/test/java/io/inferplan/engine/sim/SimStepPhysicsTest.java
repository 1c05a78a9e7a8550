package io.inferplan.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.PerformanceEstimate;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.perf.RequestShape;
import io.inferplan.engine.perf.ServingStack;
import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.perf.StepPhysics;
import io.inferplan.engine.perf.TestAccelerators;
import org.junit.jupiter.api.Test;

/** The simulator's step times are the steady-state model's: if the two drift apart, this fails. */
class SimStepPhysicsTest {
    @Test
    void decodeStepAndPrefillMatchTheSteadyStateCycle() {
        PerformanceModel performance = PerformanceModel.standard();
        for (String name : new String[] {"Llama-3.1-8B", "Llama-3.1-70B", "Mixtral-8x7B"}) {
            ModelSpec model = ModelPresets.bundled().require("model", name);
            int tp = name.equals("Llama-3.1-8B") ? 1 : 4;
            Deployment deployment = Deployment.of(TestAccelerators.h100(), tp, Precision.FP8, Precision.FP8, ServingStack.TENSORRT_LLM);
            RequestShape request = RequestShape.of(1000, 500);
            StepPhysics physics = StepPhysics.of(performance, model, deployment, request);
            // One user alone and the offline batch: every sequence in flight decodes each iteration (in a closed loop of
            // more users some wait for their first token, so the estimate's step then covers fewer sequences).
            for (ServingTarget target : new ServingTarget[] {new ServingTarget.FixedBatch(1), new ServingTarget.Offline()}) {
                PerformanceEstimate e = performance.estimate(model, deployment, request, target);
                assertEquals(e.decodeStepSeconds(), physics.decodeSeconds(e.batch(), 1000 + 250), 1e-12 + 1e-9 * e.decodeStepSeconds(), name);
                assertEquals(e.prefillSecondsPerRequest(), physics.prefillSeconds(1000, 500), 1e-9 * e.prefillSecondsPerRequest(), name);
            }
            RooflineStepTime table = new RooflineStepTime(physics, 256);
            for (double context : new double[] {20, 700, 1250, 33_000}) {
                double exact = physics.decodeSeconds(100, context);
                assertEquals(exact, table.decodeSeconds(100, context), 0.002 * exact, name + " at " + context);
            }
        }
    }
}
