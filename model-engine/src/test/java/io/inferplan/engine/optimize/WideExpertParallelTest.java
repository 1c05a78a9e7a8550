package io.inferplan.engine.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.economics.CostModel;
import io.inferplan.engine.economics.RentalTerm;
import io.inferplan.engine.hardware.AcceleratorFamily;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.perf.AttentionParallelism;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.perf.ServingStack;
import io.inferplan.engine.scenario.AcceleratorResolver;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.scenario.ScenarioResolver;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replicas spanning nodes: wide expert parallelism for fine-grained MoE over the scale-out network. */
class WideExpertParallelTest {
    private static final double GB = 1e9;

    /** HGX H200 figures: 141 GB HBM3e at 4.8 TB/s, NVLink 450 GB/s a direction in domains of 8, one 400 Gb/s NIC per GPU. */
    static AcceleratorSpec h200(double scaleOutBytesPerSecond) {
        return new AcceleratorSpec("H200", "H200 SXM", "NVIDIA", AcceleratorFamily.NVIDIA_HOPPER, 141 * GB, 4.8e12,
                Map.of(Precision.BF16, 989.4e12, Precision.FP16, 989.4e12, Precision.FP8, 1978.9e12), 450e9, 8, 700, false,
                List.of(), scaleOutBytesPerSecond);
    }

    /** HGX B200: 180 GB at 8 TB/s, NVLink 5 at 900 GB/s a direction, one 400 Gb/s NIC per GPU. */
    static AcceleratorSpec b200(double scaleOutBytesPerSecond) {
        return new AcceleratorSpec("B200", "B200", "NVIDIA", AcceleratorFamily.NVIDIA_BLACKWELL, 180 * GB, 8e12,
                Map.of(Precision.BF16, 2.25e15, Precision.FP16, 2.25e15, Precision.FP8, 4.5e15, Precision.FP4, 9e15), 900e9, 8,
                1000, false, List.of(), scaleOutBytesPerSecond);
    }

    /** GB200 NVL72: B200-class GPUs (186 GB, 8 TB/s) in one NVLink domain of 72, one 400 Gb/s NIC per GPU beyond it. */
    static AcceleratorSpec gb200() {
        return new AcceleratorSpec("GB200", "GB200 NVL72", "NVIDIA", AcceleratorFamily.NVIDIA_BLACKWELL, 186 * GB, 8e12,
                Map.of(Precision.BF16, 2.5e15, Precision.FP16, 2.5e15, Precision.FP8, 5e15, Precision.FP4, 10e15), 900e9, 72,
                1200, false, List.of(), 50e9);
    }

    /** A DeepSeek-V3 API at the scale wide EP is built for: 200 requests/s at the peak, chat-length replies. */
    static String deepSeek(String accelerator) {
        return """
                {"schemaVersion": 1, "name": "wide EP",
                 "workload": {"averageRequestsPerSecond": 100, "peakToAverageRatio": 2,
                   "inputTokens": {"mean": 2000}, "outputTokens": {"mean": 500},
                   "latency": {"maxTimeToFirstTokenSeconds": 3, "maxTimePerOutputTokenSeconds": 0.05}},
                 "deployment": {"accelerator": "%s", "model": "DeepSeek-V3", "tensorParallel": 8, "expertParallel": 8,
                   "weightPrecision": "FP8", "kvPrecision": "FP8", "servingStack": "sglang", "maxBatch": 4096},
                 "cost": {"basis": "rent", "term": "on-demand", "usdPerGpuHour": 3.0},
                 "pricing": {"tiers": [{"name": "api", "trafficShare": 1, "usdPerMillionInputTokens": 0.5,
                   "usdPerMillionCachedInputTokens": 0.1, "usdPerMillionOutputTokens": 2}]}}
                """.formatted(accelerator);
    }

    private static SearchResult search(AcceleratorSpec part, SearchOptions options) {
        ResolvedScenario resolved = new ScenarioResolver(AcceleratorResolver.of(List.of(part))).resolve(ScenarioJson.read(deepSeek(part.id())));
        Candidate candidate = new Candidate(part, new CostModel.Rent(RentalTerm.ON_DEMAND, 3.0, "test"), "test");
        return new ConfigurationSearch(PerformanceModel.standard(), 2).search(resolved, List.of(candidate),
                options.withFrontier(false), null);
    }

    /** Expert-parallel replicas wider than a node (pipeline stages across nodes were searched before and still are). */
    private static List<RankedConfiguration> wide(SearchResult result) {
        return result.configurations().stream()
                .filter(c -> c.gpusPerReplica() > 8 && c.attentionParallelism() == AttentionParallelism.DATA).toList();
    }

    @Test
    void deepSeekOnH200AndB200FindsFeasibleReplicasAcrossNodesWithinTheTargets() {
        for (AcceleratorSpec part : List.of(h200(50e9), b200(50e9))) {
            List<RankedConfiguration> wide = wide(search(part, SearchOptions.defaults()));
            assertFalse(wide.isEmpty(), part.id() + ": no replica wider than a node");
            for (RankedConfiguration c : wide) {
                assertEquals(c.gpusPerReplica(), c.expertParallel(), "the routed experts over every GPU: " + c.describe());
                assertEquals(1, c.pipelineParallel());
                assertEquals(c.gpusPerReplica() * c.replicas(), c.gpusTotal());
            }
            assertTrue(wide.stream().anyMatch(c -> c.meetsLatencyTargets() && c.gpusPerReplica() >= 16), part.id());
            assertTrue(wide.stream().map(RankedConfiguration::gpusPerReplica).distinct().count() >= 3,
                    part.id() + ": 16, 32, 64... are all tried");
        }
    }

    /**
     * Floors no layout can beat, whatever the engine's efficiencies: a decode step reads at least the weights every
     * GPU replicates (data-parallel attention) at the datasheet bandwidth, does at least 2 FLOPs per active parameter
     * per token at the datasheet peak, and sends at least each token's hidden state to its other experts in FP8
     * (1 byte a value) there and back per MoE layer, the share bound for other nodes over the NIC at its line rate.
     */
    @Test
    void wideReplicasStayAboveThePhysicalFloors() {
        for (AcceleratorSpec part : List.of(h200(50e9), b200(50e9))) {
            SearchResult result = search(part, SearchOptions.defaults());
            var model = new ScenarioResolver(AcceleratorResolver.of(List.of(part))).resolve(ScenarioJson.read(deepSeek(part.id()))).model();
            for (RankedConfiguration c : wide(result)) {
                int gpus = c.gpusPerReplica();
                double bytesPerValue = c.weightPrecision().bytesPerValue();
                double tpot = c.tpotSeconds();
                double sequencesPerGpu = c.outputTokensPerSecondPerGpu() * tpot;
                double weightFloor = model.alwaysActiveParameters() * bytesPerValue / part.memoryBandwidthBytesPerSecond();
                double leaving = 1 - 8.0 / gpus;
                double nicFloor = 2.0 * model.moe().moeLayers() * sequencesPerGpu * model.hiddenSize() * model.moe().expertsPerToken()
                        * leaving / part.scaleOutBandwidthBytesPerSecond();
                assertTrue(tpot >= weightFloor, c.describe() + ": TPOT " + tpot + " below the weight-read floor " + weightFloor);
                assertTrue(tpot >= nicFloor, c.describe() + ": TPOT " + tpot + " below the NIC floor " + nicFloor);
                double computeCeiling = part.flopsPerSecondFor(c.weightPrecision()) / (2.0 * model.activeParameters());
                assertTrue(c.outputTokensPerSecondPerGpu() <= computeCeiling, c.describe() + ": above the compute roofline");
            }
        }
    }

    /** The off-node share goes over the part's own scale-out network: a faster one makes the same wide replica faster. */
    @Test
    void theOffNodeShareRidesThePartsScaleOutNetwork() {
        RankedConfiguration slow = bestOf(h200(50e9), 16);
        RankedConfiguration fast = bestOf(h200(100e9), 16);
        assertTrue(fast.outputTokensPerSecondPerGpu() > slow.outputTokensPerSecondPerGpu() * 1.05,
                "800 Gb/s NICs: " + fast.describe() + " " + fast.outputTokensPerSecondPerGpu() + " vs 400 Gb/s: " + slow.describe() + " " + slow.outputTokensPerSecondPerGpu());
        // Not super-linear: two nodes joined by NICs serve no more per GPU than... the same 16 GPUs all on NVLink.
        AcceleratorSpec oneDomain = new AcceleratorSpec("H200-16", "H200 in a 16-GPU NVLink domain", "NVIDIA",
                AcceleratorFamily.NVIDIA_HOPPER, 141 * GB, 4.8e12, h200(50e9).denseFlopsPerSecond(), 450e9, 16, 700, false, List.of(), 50e9);
        RankedConfiguration nvlinkOnly = bestOf(oneDomain, 16);
        assertTrue(nvlinkOnly.outputTokensPerSecondPerGpu() >= fast.outputTokensPerSecondPerGpu(),
                "NVLink all the way is the upper bound of the same layout: " + nvlinkOnly.describe() + " "
                        + nvlinkOnly.outputTokensPerSecondPerGpu() + " vs " + fast.describe() + " " + fast.outputTokensPerSecondPerGpu());
    }

    /**
     * The fastest FP8 SGLang 16-GPU replica without speculative decoding or pipeline stages on a part: a pipeline split
     * across two nodes sends only each stage's activations over the network, so it would not show the NIC's effect.
     */
    private static RankedConfiguration bestOf(AcceleratorSpec part, int gpus) {
        return search(part, SearchOptions.defaults()).configurations().stream()
                .filter(c -> c.gpusPerReplica() == gpus && c.weightPrecision() == Precision.FP8 && c.kvPrecision() == Precision.FP8
                        && c.servingStack() == ServingStack.SGLANG && !c.speculative() && c.pipelineParallel() == 1)
                .max(Comparator.comparingDouble(RankedConfiguration::outputTokensPerSecondPerGpu)).orElseThrow();
    }

    @Test
    void partsWithoutScaleOutDataAreNotSearchedWideAndMaxGpusIsRespected() {
        assertTrue(wide(search(h200(0), SearchOptions.defaults())).isEmpty(), "no stated NICs: replicas stay within a node");
        // A rack-scale NVLink domain reaches 72 GPUs without the network; beyond it, only with stated NICs.
        AcceleratorSpec rack = new AcceleratorSpec("NVL72", "NVL72 without NIC data", "NVIDIA", AcceleratorFamily.NVIDIA_BLACKWELL,
                186 * GB, 8e12, b200(0).denseFlopsPerSecond(), 900e9, 72, 1200, false, List.of(), 0);
        var sizes = wide(search(rack, SearchOptions.defaults())).stream().map(RankedConfiguration::gpusPerReplica).distinct().sorted().toList();
        assertFalse(sizes.isEmpty());
        assertTrue(sizes.getLast() <= 72, "sizes " + sizes);
        assertTrue(search(gb200(), SearchOptions.defaults()).configurations().stream().anyMatch(c -> c.gpusPerReplica() == 144),
                "with NICs past the rack, 144 is tried");
        assertTrue(search(b200(50e9), SearchOptions.defaults().withMaxGpusPerReplica(32)).configurations().stream()
                .allMatch(c -> c.gpusPerReplica() <= 32), "--max-gpus caps the wide replicas too");
        // Dense models never go wide.
        assertTrue(ConfigurationSearch.wideExpertParallelSizes(new ScenarioResolver(AcceleratorResolver.of(List.of(b200(50e9))))
                .resolve(ScenarioJson.read(ConfigurationSearchTest.scenario("Llama-3.3-70B", "B200", 8, 1, "vllm"))).model(),
                b200(50e9), SearchOptions.defaults()).isEmpty());
    }
}
