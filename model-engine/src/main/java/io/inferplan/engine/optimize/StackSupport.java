package io.inferplan.engine.optimize;

import io.inferplan.engine.hardware.AcceleratorFamily;
import io.inferplan.engine.perf.ServingStack;
import java.util.List;

/**
 * Which serving stacks run on which accelerator family (checked 2026-12): TensorRT-LLM is CUDA only; SGLang ships
 * CUDA and ROCm builds; vLLM has CUDA, ROCm and the hardware plugins for Gaudi (vllm-gaudi), TPU (tpu-inference)
 * and Trainium/Inferentia (vllm-neuron), and a CPU backend. Parts of an unknown family get the generic stack, whose
 * efficiencies are the engine's stated defaults. TensorRT-LLM is searched as its default 1.x runtime (the PyTorch
 * backend); the TensorRT-engine runtime stays a stack a scenario may name, not one the search proposes.
 */
public final class StackSupport {
    private StackSupport() {
    }

    public static List<ServingStack> stacksFor(AcceleratorFamily family) {
        return switch (family) {
            case NVIDIA_AMPERE, NVIDIA_ADA, NVIDIA_HOPPER, NVIDIA_BLACKWELL ->
                    List.of(ServingStack.TENSORRT_LLM, ServingStack.VLLM, ServingStack.SGLANG);
            case AMD_CDNA2, AMD_CDNA3, AMD_CDNA4 -> List.of(ServingStack.VLLM, ServingStack.SGLANG);
            case INTEL_GAUDI, GOOGLE_TPU, AWS_TRAINIUM, CPU -> List.of(ServingStack.VLLM);
            case OTHER -> List.of(ServingStack.GENERIC);
        };
    }
}
