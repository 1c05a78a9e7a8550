package io.inferplan.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.hardware.AcceleratorFamily;
import org.junit.jupiter.api.Test;

/** TensorRT-LLM's two runtimes are two stacks: the 1.x PyTorch backend and the TensorRT-engine (C++ executor) runtime. */
class TensorRtRuntimesTest {
    private final EfficiencyTable table = EfficiencyTable.bundled();

    @Test
    void theUsualSpellingsMeanThePyTorchBackendAndTheEngineRuntimeHasItsOwn() {
        for (String text : new String[] {"tensorrt-llm", "TensorRT-LLM", "trtllm", "trt"}) {
            assertEquals(ServingStack.TENSORRT_LLM, ServingStack.parse("stack", text), text);
        }
        for (String text : new String[] {"tensorrt-llm-engine", "TensorRT-LLM engines", "trtllm-engine", "trtllm_cpp"}) {
            assertEquals(ServingStack.TENSORRT_LLM_ENGINE, ServingStack.parse("stack", text), text);
        }
        assertEquals("tensorrt-llm-engine", ServingStack.TENSORRT_LLM_ENGINE.id());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ServingStack.parse("stack", "tensorrt-llm-2"));
        assertTrue(e.getMessage().contains("tensorrt-llm-engine"), "the message lists the choices: " + e.getMessage());
    }

    @Test
    void eachRuntimeIsFittedWhereItWasMeasuredAndBorrowsTheOtherWhereNot() {
        // The offline calibration rows (0.17 engines) fit the engine runtime; the serving sweeps (1.x) the PyTorch backend.
        assertTrue(table.entry(AcceleratorFamily.NVIDIA_HOPPER, ServingStack.TENSORRT_LLM_ENGINE).isPresent());
        assertTrue(table.entry(AcceleratorFamily.NVIDIA_HOPPER, ServingStack.TENSORRT_LLM).isPresent());
        assertTrue(table.entry(AcceleratorFamily.NVIDIA_AMPERE, ServingStack.TENSORRT_LLM).isEmpty());

        // Ampere was measured with engines only: the 1.x backend there is the engine profile with a wider band.
        EfficiencyTable.Resolved engine = table.resolve(AcceleratorFamily.NVIDIA_AMPERE, ServingStack.TENSORRT_LLM_ENGINE);
        EfficiencyTable.Resolved pytorch = table.resolve(AcceleratorFamily.NVIDIA_AMPERE, ServingStack.TENSORRT_LLM);
        assertEquals(engine.profile().decodeComputeEfficiency(), pytorch.profile().decodeComputeEfficiency(), 1e-12);
        assertTrue(pytorch.errorBand().expectedErrorPercent() > engine.errorBand().expectedErrorPercent(), pytorch.errorBand().basis());
        assertEquals(0, pytorch.errorBand().measurementCount(), pytorch.errorBand().basis());

        // Blackwell was measured with the 1.x backend only: its engine runtime borrows Hopper's engine profile.
        EfficiencyTable.Resolved blackwellEngine = table.resolve(AcceleratorFamily.NVIDIA_BLACKWELL, ServingStack.TENSORRT_LLM_ENGINE);
        assertTrue(blackwellEngine.errorBand().basis().contains(AcceleratorFamily.NVIDIA_HOPPER.displayName()),
                blackwellEngine.errorBand().basis());
    }

    @Test
    void theEngineRuntimeCarriesNoHostFloor() {
        for (AcceleratorFamily family : new AcceleratorFamily[] {AcceleratorFamily.NVIDIA_HOPPER, AcceleratorFamily.NVIDIA_ADA,
                AcceleratorFamily.NVIDIA_AMPERE}) {
            assertEquals(0, table.resolve(family, ServingStack.TENSORRT_LLM_ENGINE).profile().hostSequenceSeconds(), 1e-12,
                    family + ": the C++ executor has no Python in its loop, and offline rows cannot identify one");
        }
    }
}
