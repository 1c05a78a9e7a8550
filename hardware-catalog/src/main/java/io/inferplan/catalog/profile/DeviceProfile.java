package io.inferplan.catalog.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * One accelerator found on this machine, what the driver says about it and what the benchmarks measured.
 *
 * @param api               how it was found: OpenCL, NVML or amd-smi
 * @param type              GPU, CPU or accelerator
 * @param pciId             "vendor:device" in hex where the driver tells it
 * @param matchedCatalogId  the catalog entry it was matched to (by PCI id or name), if any
 * @param problem           why it could not be benchmarked, if it could not
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DeviceProfile(
        String name,
        String vendor,
        String api,
        String type,
        String platform,
        String driverVersion,
        String deviceVersion,
        long memoryBytes,
        int computeUnits,
        int maxClockMhz,
        boolean fp16Supported,
        String pciId,
        String matchedCatalogId,
        List<String> details,
        List<BenchmarkResult> results,
        String problem) {

    public DeviceProfile {
        details = details == null ? List.of() : List.copyOf(details);
        results = results == null ? List.of() : List.copyOf(results);
    }

    public Optional<BenchmarkResult> result(String metric) {
        return results.stream().filter(r -> r.metric().equals(metric)).findFirst();
    }

    /** Best measured global memory bandwidth, GB/s (decimal), or null before benchmarks ran. */
    @JsonProperty("memoryBandwidthGBps")
    public Double memoryBandwidthGBps() {
        return result(BenchmarkResult.MEMORY_BANDWIDTH).map(BenchmarkResult::value).orElse(null);
    }

    /** Best measured FP32 throughput, GFLOPS, or null before benchmarks ran. */
    @JsonProperty("fp32Gflops")
    public Double fp32Gflops() {
        return result(BenchmarkResult.FP32).map(BenchmarkResult::value).orElse(null);
    }

    @JsonProperty("fp16Gflops")
    public Double fp16Gflops() {
        return result(BenchmarkResult.FP16).map(BenchmarkResult::value).orElse(null);
    }

    @JsonIgnore
    public boolean benchmarked() {
        return !results.isEmpty();
    }

    public DeviceProfile withResults(List<BenchmarkResult> newResults, String newProblem) {
        return new DeviceProfile(name, vendor, api, type, platform, driverVersion, deviceVersion, memoryBytes, computeUnits,
                maxClockMhz, fp16Supported, pciId, matchedCatalogId, details, newResults, newProblem);
    }

    public DeviceProfile withMatch(String catalogId) {
        return new DeviceProfile(name, vendor, api, type, platform, driverVersion, deviceVersion, memoryBytes, computeUnits,
                maxClockMhz, fp16Supported, pciId, catalogId, details, results, problem);
    }
}
