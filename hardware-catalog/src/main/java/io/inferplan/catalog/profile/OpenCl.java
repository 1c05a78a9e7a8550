package io.inferplan.catalog.profile;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The OpenCL 1.2 calls the profiler needs, bound through the JDK's foreign function API to the ICD loader
 * (libOpenCL.so.1 from ocl-icd on Linux, OpenCL.dll on Windows, the OpenCL framework on macOS). No extra library
 * is needed; the module needs {@code --enable-native-access}. {@link #load()} answers "not installed" plainly.
 */
final class OpenCl {
    static final int CL_SUCCESS = 0;
    static final int CL_PLATFORM_VERSION = 0x0901;
    static final int CL_PLATFORM_NAME = 0x0902;
    static final int CL_PLATFORM_VENDOR = 0x0903;
    static final long CL_DEVICE_TYPE_ALL = 0xFFFFFFFFL;
    static final int CL_DEVICE_TYPE = 0x1000;
    static final int CL_DEVICE_VENDOR_ID = 0x1001;
    static final int CL_DEVICE_MAX_COMPUTE_UNITS = 0x1002;
    static final int CL_DEVICE_MAX_WORK_GROUP_SIZE = 0x1004;
    static final int CL_DEVICE_MAX_CLOCK_FREQUENCY = 0x100C;
    static final int CL_DEVICE_MAX_MEM_ALLOC_SIZE = 0x1010;
    static final int CL_DEVICE_GLOBAL_MEM_SIZE = 0x101F;
    static final int CL_DEVICE_NAME = 0x102B;
    static final int CL_DEVICE_VENDOR = 0x102C;
    static final int CL_DRIVER_VERSION = 0x102D;
    static final int CL_DEVICE_VERSION = 0x102F;
    static final int CL_DEVICE_EXTENSIONS = 0x1030;
    static final long CL_DEVICE_TYPE_CPU = 2;
    static final long CL_DEVICE_TYPE_GPU = 4;
    static final long CL_DEVICE_TYPE_ACCELERATOR = 8;
    static final long CL_QUEUE_PROFILING_ENABLE = 2;
    static final long CL_MEM_READ_WRITE = 1;
    static final int CL_PROGRAM_BUILD_LOG = 0x1183;
    static final int CL_PROFILING_COMMAND_START = 0x1282;
    static final int CL_PROFILING_COMMAND_END = 0x1283;

    private final MethodHandle getPlatformIDs;
    private final MethodHandle getPlatformInfo;
    private final MethodHandle getDeviceIDs;
    private final MethodHandle getDeviceInfo;
    private final MethodHandle createContext;
    private final MethodHandle createCommandQueue;
    private final MethodHandle createBuffer;
    private final MethodHandle createProgramWithSource;
    private final MethodHandle buildProgram;
    private final MethodHandle getProgramBuildInfo;
    private final MethodHandle createKernel;
    private final MethodHandle setKernelArg;
    private final MethodHandle enqueueNDRangeKernel;
    private final MethodHandle enqueueWriteBuffer;
    private final MethodHandle enqueueReadBuffer;
    private final MethodHandle finish;
    private final MethodHandle waitForEvents;
    private final MethodHandle getEventProfilingInfo;
    private final MethodHandle releaseEvent;
    private final MethodHandle releaseMemObject;
    private final MethodHandle releaseKernel;
    private final MethodHandle releaseProgram;
    private final MethodHandle releaseCommandQueue;
    private final MethodHandle releaseContext;

    private OpenCl(SymbolLookup library) {
        Linker linker = Linker.nativeLinker();
        Binder bind = (name, descriptor) -> linker.downcallHandle(library.find(name)
                .orElseThrow(() -> new IllegalStateException("the OpenCL library lacks " + name)), descriptor);
        getPlatformIDs = bind.of("clGetPlatformIDs", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        getPlatformInfo = bind.of("clGetPlatformInfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
        getDeviceIDs = bind.of("clGetDeviceIDs", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
        getDeviceInfo = bind.of("clGetDeviceInfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
        createContext = bind.of("clCreateContext", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        createCommandQueue = bind.of("clCreateCommandQueue", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
        createBuffer = bind.of("clCreateBuffer", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS));
        createProgramWithSource = bind.of("clCreateProgramWithSource", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        buildProgram = bind.of("clBuildProgram", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        getProgramBuildInfo = bind.of("clGetProgramBuildInfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
        createKernel = bind.of("clCreateKernel", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        setKernelArg = bind.of("clSetKernelArg", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS));
        enqueueNDRangeKernel = bind.of("clEnqueueNDRangeKernel", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        enqueueWriteBuffer = bind.of("clEnqueueWriteBuffer", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        enqueueReadBuffer = bind.of("clEnqueueReadBuffer", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        finish = bind.of("clFinish", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        waitForEvents = bind.of("clWaitForEvents", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
        getEventProfilingInfo = bind.of("clGetEventProfilingInfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
        releaseEvent = bind.of("clReleaseEvent", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        releaseMemObject = bind.of("clReleaseMemObject", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        releaseKernel = bind.of("clReleaseKernel", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        releaseProgram = bind.of("clReleaseProgram", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        releaseCommandQueue = bind.of("clReleaseCommandQueue", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        releaseContext = bind.of("clReleaseContext", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    }

    @FunctionalInterface
    private interface Binder {
        MethodHandle of(String name, FunctionDescriptor descriptor);
    }

    /** Library names to try, most specific first. */
    static List<String> libraryNames() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win")) {
            return List.of("OpenCL.dll", "OpenCL");
        }
        if (os.contains("mac")) {
            return List.of("/System/Library/Frameworks/OpenCL.framework/OpenCL");
        }
        return List.of("libOpenCL.so.1", "libOpenCL.so");
    }

    /** The bound library, or why there is none (not installed, not loadable, native access denied). */
    static Availability<OpenCl> load() {
        return load(libraryNames());
    }

    static Availability<OpenCl> load(List<String> names) {
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            try {
                SymbolLookup lookup = SymbolLookup.libraryLookup(name, Arena.global());
                return Availability.present(new OpenCl(lookup));
            } catch (IllegalArgumentException e) {
                problems.add(name + " not found");
            } catch (IllegalCallerException e) {
                return Availability.absent("native access is not enabled for InferPlan's catalog module (start it with --enable-native-access=io.inferplan.catalog)");
            } catch (RuntimeException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        return Availability.absent("no OpenCL loader (" + String.join("; ", problems) + ")");
    }

    // ---- thin, checked wrappers ----

    static void check(int code, String call) {
        if (code != CL_SUCCESS) {
            throw new OpenClException(call, code);
        }
    }

    List<MemorySegment> platforms() {
        // CL_PLATFORM_NOT_FOUND_KHR: the loader found no driver.
        return ids("clGetPlatformIDs", -1001, (count, ids, countRet) -> (int) getPlatformIDs.invoke(count, ids, countRet));
    }

    /** The two-call id query of OpenCL: ask how many, then fetch them; {@code noneCode} means there are none. */
    @FunctionalInterface
    private interface IdQuery {
        int call(int count, MemorySegment ids, MemorySegment countRet) throws Throwable;
    }

    private static List<MemorySegment> ids(String call, int noneCode, IdQuery query) {
        return calling(call, arena -> {
            MemorySegment count = arena.allocate(JAVA_INT);
            int code = query.call(0, MemorySegment.NULL, count);
            if (code == noneCode) {
                return List.of();
            }
            check(code, call);
            int n = count.get(JAVA_INT, 0);
            if (n == 0) {
                return List.of();
            }
            MemorySegment ids = arena.allocate(ADDRESS, n);
            check(query.call(n, ids, MemorySegment.NULL), call);
            List<MemorySegment> result = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                result.add(ids.getAtIndex(ADDRESS, i));
            }
            return result;
        });
    }

    String platformText(MemorySegment platform, int param) {
        return text((size, value, sizeRet) -> (int) getPlatformInfo.invoke(platform, param, size, value, sizeRet), "clGetPlatformInfo");
    }

    List<MemorySegment> devices(MemorySegment platform) {
        // CL_DEVICE_NOT_FOUND: a platform without devices.
        return ids("clGetDeviceIDs", -1,
                (count, ids, countRet) -> (int) getDeviceIDs.invoke(platform, CL_DEVICE_TYPE_ALL, count, ids, countRet));
    }

    String deviceText(MemorySegment device, int param) {
        return text((size, value, sizeRet) -> (int) getDeviceInfo.invoke(device, param, size, value, sizeRet), "clGetDeviceInfo");
    }

    long deviceLong(MemorySegment device, int param) {
        return calling("clGetDeviceInfo", arena -> {
            MemorySegment value = arena.allocate(JAVA_LONG);
            check((int) getDeviceInfo.invoke(device, param, 8L, value, MemorySegment.NULL), "clGetDeviceInfo");
            return value.get(JAVA_LONG, 0);
        });
    }

    int deviceInt(MemorySegment device, int param) {
        return calling("clGetDeviceInfo", arena -> {
            MemorySegment value = arena.allocate(JAVA_INT);
            check((int) getDeviceInfo.invoke(device, param, 4L, value, MemorySegment.NULL), "clGetDeviceInfo");
            return value.get(JAVA_INT, 0);
        });
    }

    @FunctionalInterface
    private interface InfoCall {
        int call(long size, MemorySegment value, MemorySegment sizeRet) throws Throwable;
    }

    private static String text(InfoCall call, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment size = arena.allocate(JAVA_LONG);
            check(call.call(0L, MemorySegment.NULL, size), name);
            long n = size.get(JAVA_LONG, 0);
            if (n <= 0) {
                return "";
            }
            MemorySegment value = arena.allocate(n);
            check(call.call(n, value, MemorySegment.NULL), name);
            byte[] bytes = value.toArray(ValueLayout.JAVA_BYTE);
            int end = 0;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            return new String(bytes, 0, end, StandardCharsets.UTF_8).strip();
        } catch (OpenClException e) {
            throw e;
        } catch (Throwable t) {
            throw new OpenClException(name, t);
        }
    }

    MemorySegment createContext(MemorySegment device) {
        return withError("clCreateContext", (arena, error) -> {
            MemorySegment list = arena.allocate(ADDRESS);
            list.set(ADDRESS, 0, device);
            return (MemorySegment) createContext.invoke(MemorySegment.NULL, 1, list, MemorySegment.NULL, MemorySegment.NULL, error);
        });
    }

    MemorySegment createProfilingQueue(MemorySegment context, MemorySegment device) {
        return withError("clCreateCommandQueue", (arena, error) ->
                (MemorySegment) createCommandQueue.invoke(context, device, CL_QUEUE_PROFILING_ENABLE, error));
    }

    MemorySegment createBuffer(MemorySegment context, long bytes) {
        return withError("clCreateBuffer", (arena, error) ->
                (MemorySegment) createBuffer.invoke(context, CL_MEM_READ_WRITE, bytes, MemorySegment.NULL, error));
    }

    /** Compiles {@code source} for {@code device}; a failed build reports the compiler's log. */
    MemorySegment buildProgram(MemorySegment context, MemorySegment device, String source, String options) {
        MemorySegment program = withError("clCreateProgramWithSource", (arena, error) -> {
            MemorySegment text = arena.allocateFrom(source);
            MemorySegment strings = arena.allocate(ADDRESS);
            strings.set(ADDRESS, 0, text);
            return (MemorySegment) createProgramWithSource.invoke(context, 1, strings, MemorySegment.NULL, error);
        });
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment list = arena.allocate(ADDRESS);
            list.set(ADDRESS, 0, device);
            int code = (int) buildProgram.invoke(program, 1, list, arena.allocateFrom(options), MemorySegment.NULL, MemorySegment.NULL);
            if (code != CL_SUCCESS) {
                String log = text((size, value, sizeRet) -> (int) getProgramBuildInfo.invoke(program, device, CL_PROGRAM_BUILD_LOG, size, value, sizeRet),
                        "clGetProgramBuildInfo");
                release(releaseProgram, program);
                throw new OpenClException("clBuildProgram", code, log);
            }
            return program;
        } catch (OpenClException e) {
            throw e;
        } catch (Throwable t) {
            throw new OpenClException("clBuildProgram", t);
        }
    }

    MemorySegment createKernel(MemorySegment program, String name) {
        return withError("clCreateKernel(" + name + ")", (arena, error) ->
                (MemorySegment) createKernel.invoke(program, arena.allocateFrom(name), error));
    }

    void setArg(MemorySegment kernel, int index, MemorySegment buffer) {
        calling("clSetKernelArg", arena -> {
            MemorySegment value = arena.allocate(ADDRESS);
            value.set(ADDRESS, 0, buffer);
            check((int) setKernelArg.invoke(kernel, index, ADDRESS.byteSize(), value), "clSetKernelArg");
            return null;
        });
    }

    void setArg(MemorySegment kernel, int index, int value) {
        calling("clSetKernelArg", arena -> {
            check((int) setKernelArg.invoke(kernel, index, 4L, arena.allocateFrom(JAVA_INT, value)), "clSetKernelArg");
            return null;
        });
    }

    void setArg(MemorySegment kernel, int index, float value) {
        calling("clSetKernelArg", arena -> {
            check((int) setKernelArg.invoke(kernel, index, 4L, arena.allocateFrom(ValueLayout.JAVA_FLOAT, value)), "clSetKernelArg");
            return null;
        });
    }

    /**
     * Runs a 1-D kernel and waits for it. Returns the device time in nanoseconds from the event's profiling
     * counters, which leaves out the host's launch overhead (the same as clpeak's --use-event-timer).
     */
    long runTimed(MemorySegment queue, MemorySegment kernel, long globalSize, long localSize) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment global = arena.allocateFrom(JAVA_LONG, globalSize);
            MemorySegment local = localSize > 0 ? arena.allocateFrom(JAVA_LONG, localSize) : MemorySegment.NULL;
            MemorySegment event = arena.allocate(ADDRESS);
            check((int) enqueueNDRangeKernel.invoke(queue, kernel, 1, MemorySegment.NULL, global, local, 0, MemorySegment.NULL, event),
                    "clEnqueueNDRangeKernel");
            MemorySegment handle = event.get(ADDRESS, 0);
            try {
                check((int) waitForEvents.invoke(1, event), "clWaitForEvents");
                MemorySegment start = arena.allocate(JAVA_LONG);
                MemorySegment end = arena.allocate(JAVA_LONG);
                check((int) getEventProfilingInfo.invoke(handle, CL_PROFILING_COMMAND_START, 8L, start, MemorySegment.NULL), "clGetEventProfilingInfo");
                check((int) getEventProfilingInfo.invoke(handle, CL_PROFILING_COMMAND_END, 8L, end, MemorySegment.NULL), "clGetEventProfilingInfo");
                return Math.max(1, end.get(JAVA_LONG, 0) - start.get(JAVA_LONG, 0));
            } finally {
                release(releaseEvent, handle);
            }
        } catch (OpenClException e) {
            throw e;
        } catch (Throwable t) {
            throw new OpenClException("clEnqueueNDRangeKernel", t);
        }
    }

    /** Enqueues a kernel and waits with clFinish; the wall time of this is what a launch costs the host. */
    void runAndFinish(MemorySegment queue, MemorySegment kernel, long globalSize) {
        calling("clEnqueueNDRangeKernel", arena -> {
            MemorySegment global = arena.allocateFrom(JAVA_LONG, globalSize);
            check((int) enqueueNDRangeKernel.invoke(queue, kernel, 1, MemorySegment.NULL, global, MemorySegment.NULL, 0, MemorySegment.NULL, MemorySegment.NULL),
                    "clEnqueueNDRangeKernel");
            check((int) finish.invoke(queue), "clFinish");
            return null;
        });
    }

    /** A native call through a method handle, which declares Throwable; anything but an OpenCL error becomes one. */
    @FunctionalInterface
    private interface NativeWork<T> {
        T run(Arena arena) throws Throwable;
    }

    private static <T> T calling(String call, NativeWork<T> work) {
        try (Arena arena = Arena.ofConfined()) {
            return work.run(arena);
        } catch (OpenClException e) {
            throw e;
        } catch (Throwable t) {
            throw new OpenClException(call, t);
        }
    }

    /** Blocking copy host to device. */
    void write(MemorySegment queue, MemorySegment buffer, MemorySegment host) {
        calling("clEnqueueWriteBuffer", arena -> {
            check((int) enqueueWriteBuffer.invoke(queue, buffer, 1, 0L, host.byteSize(), host, 0, MemorySegment.NULL, MemorySegment.NULL), "clEnqueueWriteBuffer");
            return null;
        });
    }

    /** Blocking copy device to host. */
    void read(MemorySegment queue, MemorySegment buffer, MemorySegment host) {
        calling("clEnqueueReadBuffer", arena -> {
            check((int) enqueueReadBuffer.invoke(queue, buffer, 1, 0L, host.byteSize(), host, 0, MemorySegment.NULL, MemorySegment.NULL), "clEnqueueReadBuffer");
            return null;
        });
    }

    void releaseMem(MemorySegment mem) {
        release(releaseMemObject, mem);
    }

    void releaseKernel(MemorySegment kernel) {
        release(releaseKernel, kernel);
    }

    void releaseProgram(MemorySegment program) {
        release(releaseProgram, program);
    }

    void releaseQueue(MemorySegment queue) {
        release(releaseCommandQueue, queue);
    }

    void releaseContext(MemorySegment context) {
        release(releaseContext, context);
    }

    private static void release(MethodHandle handle, MemorySegment object) {
        if (object == null || object.equals(MemorySegment.NULL)) {
            return;
        }
        try {
            int ignored = (int) handle.invoke(object);
        } catch (Throwable ignored) {
            // Releasing is best effort: a failure here must not hide the result or the real error.
        }
    }

    @FunctionalInterface
    private interface ErrorCall {
        MemorySegment call(Arena arena, MemorySegment error) throws Throwable;
    }

    private static MemorySegment withError(String name, ErrorCall call) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = arena.allocate(JAVA_INT);
            MemorySegment result = call.call(arena, error);
            check(error.get(JAVA_INT, 0), name);
            if (result.equals(MemorySegment.NULL)) {
                throw new OpenClException(name, -9999);
            }
            return result;
        } catch (OpenClException e) {
            throw e;
        } catch (Throwable t) {
            throw new OpenClException(name, t);
        }
    }

    static Optional<String> describeDeviceType(long type) {
        if ((type & CL_DEVICE_TYPE_GPU) != 0) {
            return Optional.of("GPU");
        }
        if ((type & CL_DEVICE_TYPE_ACCELERATOR) != 0) {
            return Optional.of("accelerator");
        }
        if ((type & CL_DEVICE_TYPE_CPU) != 0) {
            return Optional.of("CPU");
        }
        return Optional.empty();
    }
}
