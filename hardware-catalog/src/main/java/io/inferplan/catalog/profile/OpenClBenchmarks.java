package io.inferplan.catalog.profile;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * clpeak-style micro-benchmarks on one OpenCL device. Kernel times come from OpenCL profiling events (device
 * time, no launch overhead); transfers and launch latency are wall-clock round trips, because that is what a
 * caller waits for. Every figure is the best of several repeats after a warm-up run.
 */
final class OpenClBenchmarks {
    /** Work per run is scaled so one timed kernel lasts about this long. */
    private static final double QUICK_TARGET_SECONDS = 0.05;
    private static final double FULL_TARGET_SECONDS = 0.15;
    private static final int[] WIDTHS_FULL = {1, 2, 4, 8, 16};
    private static final int[] WIDTHS_QUICK = {4, 16};
    private static final int CHAINS = 8;
    private static final int UNROLL = 4;

    private final OpenCl cl;
    private final MemorySegment device;
    private final DeviceProfile profile;
    private final ProfileMode mode;
    private final Steps steps;

    OpenClBenchmarks(OpenCl cl, MemorySegment device, DeviceProfile profile, ProfileMode mode, Steps steps) {
        this.cl = cl;
        this.device = device;
        this.profile = profile;
        this.mode = mode;
        this.steps = steps;
    }

    /** How many progress steps {@link #run} reports, so the caller can scale the progress bar. */
    static int stepCount(ProfileMode mode, boolean fp16) {
        int bandwidth = mode == ProfileMode.QUICK ? 1 : 2;
        return bandwidth + 1 + (fp16 ? 1 : 0) + 2 + 1;
    }

    /** Runs everything; on cancel returns what was measured so far. */
    List<BenchmarkResult> run(CancelToken cancel) {
        List<BenchmarkResult> results = new ArrayList<>();
        MemorySegment context = cl.createContext(device);
        MemorySegment queue = MemorySegment.NULL;
        MemorySegment program = MemorySegment.NULL;
        try {
            queue = cl.createProfilingQueue(context, device);
            steps.begin("compiling benchmark kernels on " + profile.name());
            program = cl.buildProgram(context, device, KernelSource.all(profile.fp16Supported()), "-cl-mad-enable -cl-fast-relaxed-math");
            if (!cancel.isCancelled()) {
                add(results, bandwidth(context, queue, program, cancel));
            }
            if (!cancel.isCancelled()) {
                add(results, compute(context, queue, program, cancel, false));
            }
            if (!cancel.isCancelled() && profile.fp16Supported()) {
                add(results, compute(context, queue, program, cancel, true));
            }
            if (!cancel.isCancelled()) {
                results.addAll(transfers(context, queue, cancel));
            }
            if (!cancel.isCancelled()) {
                add(results, launchLatency(context, queue, program, cancel));
            }
            return results;
        } finally {
            cl.releaseProgram(program);
            cl.releaseQueue(queue);
            cl.releaseContext(context);
        }
    }

    private void add(List<BenchmarkResult> results, BenchmarkResult result) {
        if (result != null) {
            results.add(result);
            steps.result(profile, result);
        }
    }

    private int repeats() {
        return mode == ProfileMode.QUICK ? 3 : 8;
    }

    // ---- global memory bandwidth ----

    private BenchmarkResult bandwidth(MemorySegment context, MemorySegment queue, MemorySegment program, CancelToken cancel) {
        long maxAlloc = cl.deviceLong(device, OpenCl.CL_DEVICE_MAX_MEM_ALLOC_SIZE);
        List<Long> sizes = mode == ProfileMode.QUICK ? List.of(64L << 20) : List.of(64L << 20, 256L << 20);
        double bestGBps = 0;
        String bestMethod = "";
        for (long wanted : sizes) {
            if (cancel.isCancelled()) {
                break;
            }
            steps.begin("global memory bandwidth, " + (wanted >> 20) + " MiB");
            long bytes = Math.min(wanted, Math.max(1L << 20, maxAlloc / 2)) & ~((1L << 16) - 1);
            MemorySegment in = cl.createBuffer(context, bytes);
            MemorySegment out = MemorySegment.NULL;
            try {
                long floats = bytes / 4;
                out = cl.createBuffer(context, Math.max(4096, floats / 16 * 4));
                fill(queue, in, bytes);
                for (int width : widths()) {
                    for (Pattern pattern : Pattern.values()) {
                        if (cancel.isCancelled()) {
                            break;
                        }
                        long items = floats / ((long) width * pattern.perItem);
                        if (items < 64) {
                            continue;
                        }
                        MemorySegment kernel = cl.createKernel(program, "bw_" + pattern.id + "_" + width);
                        try {
                            cl.setArg(kernel, 0, in);
                            cl.setArg(kernel, 1, out);
                            cl.setArg(kernel, 2, pattern.perItem);
                            cl.runTimed(queue, kernel, items, 0); // warm-up: first launch compiles for this size
                            long best = Long.MAX_VALUE;
                            for (int r = 0; r < repeats() && !cancel.isCancelled(); r++) {
                                best = Math.min(best, cl.runTimed(queue, kernel, items, 0));
                            }
                            double readBytes = (double) items * width * pattern.perItem * 4;
                            double gbps = readBytes / best;
                            if (gbps > bestGBps) {
                                bestGBps = gbps;
                                bestMethod = String.format(Locale.ROOT,
                                        "OpenCL kernel reading a %d MiB buffer as float%s, %s access (%d loads per work item), best of %d runs by event timer",
                                        bytes >> 20, width == 1 ? "" : Integer.toString(width), pattern.description, pattern.perItem, repeats());
                            }
                        } finally {
                            cl.releaseKernel(kernel);
                        }
                    }
                }
            } finally {
                cl.releaseMem(out);
                cl.releaseMem(in);
            }
        }
        return bestGBps == 0 ? null : new BenchmarkResult(BenchmarkResult.MEMORY_BANDWIDTH, round(bestGBps), "GB/s", bestMethod, null);
    }

    private void fill(MemorySegment queue, MemorySegment buffer, long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment host = arena.allocate(bytes, 4096);
            host.fill((byte) 0x3c); // small positive floats, no denormals
            cl.write(queue, buffer, host);
        }
    }

    private int[] widths() {
        return mode == ProfileMode.QUICK ? WIDTHS_QUICK : WIDTHS_FULL;
    }

    enum Pattern {
        /** Neighbouring work items read neighbouring elements (what GPUs coalesce; clpeak's pattern). */
        INTERLEAVED("interleaved", "interleaved (coalesced)", 16),
        /** Each work item streams its own contiguous block (what CPU caches and prefetchers like). */
        BLOCKED("blocked", "blocked (contiguous per work item)", 256);

        final String id;
        final String description;
        final int perItem;

        Pattern(String id, String description, int perItem) {
            this.id = id;
            this.description = description;
            this.perItem = perItem;
        }
    }

    // ---- arithmetic throughput ----

    private BenchmarkResult compute(MemorySegment context, MemorySegment queue, MemorySegment program, CancelToken cancel, boolean half) {
        steps.begin((half ? "FP16" : "FP32") + " arithmetic throughput");
        int units = Math.max(1, profile.computeUnits());
        long items = Math.max(4096, (long) units * 2048);
        MemorySegment out = cl.createBuffer(context, items * 4);
        double bestGflops = 0;
        String bestMethod = "";
        try {
            for (int width : widths()) {
                if (cancel.isCancelled()) {
                    break;
                }
                String name = (half ? "fp16_" : "fp32_") + width;
                MemorySegment kernel = cl.createKernel(program, name);
                try {
                    cl.setArg(kernel, 0, out);
                    cl.setArg(kernel, 1, 0.999f);
                    int iterations = 16;
                    cl.setArg(kernel, 2, iterations);
                    cl.runTimed(queue, kernel, items, 0); // warm-up and compile
                    long probe = cl.runTimed(queue, kernel, items, 0);
                    double target = mode == ProfileMode.QUICK ? QUICK_TARGET_SECONDS : FULL_TARGET_SECONDS;
                    iterations = (int) Math.max(16, Math.min(1 << 20, iterations * (target * 1e9 / probe)));
                    cl.setArg(kernel, 2, iterations);
                    long best = Long.MAX_VALUE;
                    for (int r = 0; r < repeats() && !cancel.isCancelled(); r++) {
                        best = Math.min(best, cl.runTimed(queue, kernel, items, 0));
                    }
                    double flops = (double) items * iterations * CHAINS * UNROLL * 2.0 * width;
                    double gflops = flops / best;
                    if (gflops > bestGflops) {
                        bestGflops = gflops;
                        bestMethod = String.format(Locale.ROOT,
                                "OpenCL kernel of %d independent multiply-add chains on %s%s (2 flops each), %d work items x %d iterations, best of %d runs by event timer",
                                CHAINS, half ? "half" : "float", width == 1 ? "" : Integer.toString(width), items, iterations * UNROLL, repeats());
                    }
                } finally {
                    cl.releaseKernel(kernel);
                }
            }
        } finally {
            cl.releaseMem(out);
        }
        return bestGflops == 0 ? null
                : new BenchmarkResult(half ? BenchmarkResult.FP16 : BenchmarkResult.FP32, round(bestGflops), "GFLOPS", bestMethod, null);
    }

    // ---- host <-> device transfers ----

    private List<BenchmarkResult> transfers(MemorySegment context, MemorySegment queue, CancelToken cancel) {
        List<BenchmarkResult> results = new ArrayList<>();
        long maxAlloc = cl.deviceLong(device, OpenCl.CL_DEVICE_MAX_MEM_ALLOC_SIZE);
        long bytes = Math.min(mode == ProfileMode.QUICK ? 64L << 20 : 256L << 20, Math.max(1L << 20, maxAlloc / 2));
        MemorySegment buffer = cl.createBuffer(context, bytes);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment host = arena.allocate(bytes, 4096);
            host.fill((byte) 1);
            for (boolean toDevice : new boolean[] {true, false}) {
                if (cancel.isCancelled()) {
                    break;
                }
                steps.begin(toDevice ? "host-to-device transfer" : "device-to-host transfer");
                copy(queue, buffer, host, toDevice); // warm-up: first touch of pages and driver staging buffers
                long best = Long.MAX_VALUE;
                for (int r = 0; r < repeats() && !cancel.isCancelled(); r++) {
                    long start = System.nanoTime();
                    copy(queue, buffer, host, toDevice);
                    best = Math.min(best, System.nanoTime() - start);
                }
                double gbps = bytes / (double) best;
                results.add(new BenchmarkResult(toDevice ? BenchmarkResult.HOST_TO_DEVICE : BenchmarkResult.DEVICE_TO_HOST, round(gbps), "GB/s",
                        String.format(Locale.ROOT, "blocking clEnqueue%sBuffer of %d MiB from pageable host memory, wall clock, best of %d",
                                toDevice ? "Write" : "Read", bytes >> 20, repeats()), null));
                steps.result(profile, results.getLast());
            }
        } finally {
            cl.releaseMem(buffer);
        }
        return results;
    }

    private void copy(MemorySegment queue, MemorySegment buffer, MemorySegment host, boolean toDevice) {
        if (toDevice) {
            cl.write(queue, buffer, host);
        } else {
            cl.read(queue, buffer, host);
        }
    }

    // ---- kernel launch latency ----

    private BenchmarkResult launchLatency(MemorySegment context, MemorySegment queue, MemorySegment program, CancelToken cancel) {
        steps.begin("kernel launch latency");
        MemorySegment out = cl.createBuffer(context, 4096);
        MemorySegment kernel = cl.createKernel(program, "noop");
        try {
            cl.setArg(kernel, 0, out);
            for (int i = 0; i < 5; i++) {
                cl.runAndFinish(queue, kernel, 1);
            }
            int launches = mode == ProfileMode.QUICK ? 50 : 500;
            long best = Long.MAX_VALUE;
            long total = 0;
            int done = 0;
            for (; done < launches && !cancel.isCancelled(); done++) {
                long start = System.nanoTime();
                cl.runAndFinish(queue, kernel, 1);
                long took = System.nanoTime() - start;
                best = Math.min(best, took);
                total += took;
            }
            if (done == 0) {
                return null;
            }
            double medianish = total / (double) done / 1000.0;
            return new BenchmarkResult(BenchmarkResult.LAUNCH_LATENCY, round(medianish), "microseconds",
                    String.format(Locale.ROOT, "mean wall time of enqueue + clFinish for a 1-work-item kernel over %d launches (fastest %.1f us)",
                            done, best / 1000.0), null);
        } finally {
            cl.releaseKernel(kernel);
            cl.releaseMem(out);
        }
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    /** The OpenCL C source of every benchmark kernel. */
    static final class KernelSource {
        private KernelSource() {
        }

        static String all(boolean fp16) {
            StringBuilder source = new StringBuilder();
            if (fp16) {
                source.append("#pragma OPENCL EXTENSION cl_khr_fp16 : enable\n");
            }
            source.append("""
                    #define R1(v) (v)
                    #define R2(v) ((v).s0 + (v).s1)
                    #define R4(v) ((v).s0 + (v).s1 + (v).s2 + (v).s3)
                    #define R8(v) (R4((v).lo) + R4((v).hi))
                    #define R16(v) (R8((v).lo) + R8((v).hi))
                    __kernel void noop(__global float *out) { out[get_global_id(0)] = 0.0f; }
                    """);
            for (int width : WIDTHS_FULL) {
                String type = width == 1 ? "float" : "float" + width;
                for (Pattern pattern : Pattern.values()) {
                    String index = pattern == Pattern.INTERLEAVED ? "gid + (size_t) i * n" : "gid * (size_t) per_item + i";
                    source.append(String.format(Locale.ROOT, """
                            __kernel void bw_%s_%d(__global const %s *in, __global float *out, int per_item) {
                                size_t gid = get_global_id(0), n = get_global_size(0);
                                %s sum = (%s)(0.0f);
                                for (int i = 0; i < per_item; i++) { sum += in[%s]; }
                                out[gid %% (n / 16 + 1)] = R%d(sum);
                            }
                            """, pattern.id, width, type, type, type, index, width));
                }
                source.append(computeKernel("fp32", type, "float", width));
                if (fp16) {
                    source.append(computeKernel("fp16", width == 1 ? "half" : "half" + width, "half", width));
                }
            }
            return source.toString();
        }

        /** CHAINS independent accumulators so the multiply-add latency is hidden, as a tuned GEMM would. */
        private static String computeKernel(String prefix, String type, String scalar, int width) {
            StringBuilder body = new StringBuilder();
            StringBuilder init = new StringBuilder();
            StringBuilder sum = new StringBuilder();
            for (int c = 0; c < CHAINS; c++) {
                init.append(String.format(Locale.ROOT, "    %s x%d = (%s)((%s)(get_global_id(0) & 255) * (%s)0.001f + (%s)%d.0f);%n",
                        type, c, type, scalar, scalar, scalar, c));
                sum.append(c == 0 ? "" : " + ").append("x").append(c);
            }
            for (int u = 0; u < UNROLL; u++) {
                for (int c = 0; c < CHAINS; c++) {
                    body.append(String.format(Locale.ROOT, "        x%d = mad(x%d, b, k);%n", c, c));
                }
            }
            return String.format(Locale.ROOT, """
                    __kernel void %s_%d(__global float *out, float a, int iterations) {
                        %s b = (%s)((%s)a);
                        %s k = (%s)((%s)0.0001f);
                    %s    for (int i = 0; i < iterations; i++) {
                    %s    }
                        %s total = %s;
                        out[get_global_id(0)] = (float)(R%d(total));
                    }
                    """, prefix, width, type, type, scalar, type, type, scalar, init, body, type, sum, width);
        }
    }

    /** Progress reporting shared across devices. */
    interface Steps {
        void begin(String step);

        void result(DeviceProfile device, BenchmarkResult result);
    }
}
