package io.inferplan.catalog.profile;

import io.inferplan.engine.JsonSupport;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Profiles in a child JVM ({@link ProfileWorker}) under a watchdog: a GPU driver that hangs is noticed after
 * {@link #STALL_SECONDS} seconds without progress and its process killed; one that crashes ends only that process.
 * Either way the caller gets a report within seconds whose note says what the driver did. The child's crash log goes
 * to the temporary directory, never into the user's working directory.
 */
public final class IsolatedProfiler {
    /** Longest silence allowed between two progress lines before the driver is declared hung. */
    public static final int STALL_SECONDS = 5;
    /** Derived figures (a device's percentages) are written with the report and recomputed, not read back. */
    private static final com.fasterxml.jackson.databind.ObjectMapper REPORT_READER = JsonSupport.mapper().copy()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final List<String> extraJvmOptions;
    private final long stallMillis;

    public IsolatedProfiler() {
        this(List.of(), STALL_SECONDS * 1000L);
    }

    /** For tests: options for the child JVM (a simulated fault) and another stall limit. */
    IsolatedProfiler(List<String> extraJvmOptions, long stallMillis) {
        this.extraJvmOptions = List.copyOf(extraJvmOptions);
        this.stallMillis = stallMillis;
    }

    /** Discovery only (fast). */
    public ProfileReport discover() {
        return runChild("discover", ProfileListener.NONE, new CancelToken());
    }

    /** Discovers and benchmarks every OpenCL device. */
    public ProfileReport run(ProfileMode mode, ProfileListener listener, CancelToken cancel) {
        return runChild(mode.name().toLowerCase(Locale.ROOT), listener == null ? ProfileListener.NONE : listener,
                cancel == null ? new CancelToken() : cancel);
    }

    private ProfileReport runChild(String what, ProfileListener listener, CancelToken cancel) {
        Instant start = Instant.now();
        Process child;
        try {
            child = new ProcessBuilder(command(what)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return failed(what, start, "could not start the profiling process (" + e.getMessage() + ")");
        }
        AtomicLong lastHeard = new AtomicLong(System.nanoTime());
        AtomicReference<ProfileReport> report = new AtomicReference<>();
        AtomicReference<String> unreadable = new AtomicReference<>();
        Thread reader = Thread.ofPlatform().daemon().name("profile-reader").start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lastHeard.set(System.nanoTime());
                    if (line.startsWith("progress ")) {
                        String[] parts = line.split(" ", 3);
                        listener.onProgress(Double.parseDouble(parts[1]), parts.length > 2 ? parts[2] : "");
                    } else if (line.startsWith("report ")) {
                        report.set(REPORT_READER.readValue(line.substring("report ".length()), ProfileReport.class));
                    }
                }
            } catch (IOException | RuntimeException e) {
                unreadable.set(e.getMessage());
            }
        });
        boolean cancelSent = false;
        try (Writer toChild = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            while (child.isAlive()) {
                if (cancel.isCancelled() && !cancelSent) {
                    toChild.write("cancel\n");
                    toChild.flush();
                    cancelSent = true;
                }
                if (System.nanoTime() - lastHeard.get() > stallMillis * 1_000_000) {
                    child.destroyForcibly();
                    child.waitFor(5, TimeUnit.SECONDS);
                    return failed(what, start, "the GPU driver did not answer for " + stallMillis / 1000
                            + " s (hung); the profiling process was stopped");
                }
                child.waitFor(50, TimeUnit.MILLISECONDS);
            }
            reader.join(5_000);
        } catch (IOException e) {
            // The child closed its input: it is ending; its exit tells the rest.
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
            return failed(what, start, "interrupted");
        }
        if (report.get() != null) {
            return report.get();
        }
        int exit = child.exitValue();
        return failed(what, start, "the profiling process ended (exit " + exit + ") without a report"
                + (exit > 128 || exit == 1 ? ": the GPU driver crashed it" : "")
                + (unreadable.get() == null ? "" : " (" + unreadable.get() + ")"));
    }

    private static ProfileReport failed(String what, Instant start, String why) {
        return new ProfileReport(start.toString(), what, java.time.Duration.between(start, Instant.now()).toMillis() / 1000.0,
                false, HostInfo.probe(), List.of(), List.of("Profiling failed: " + why + ". Nothing was measured; the app is unaffected."));
    }

    /** This JVM's java, module path and class path, running {@link ProfileWorker}. */
    private List<String> command(String what) {
        String java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "inferplan-profile-hs_err_%p.log"),
                "--enable-native-access=ALL-UNNAMED" + (IsolatedProfiler.class.getModule().isNamed() ? ",io.inferplan.catalog" : "")));
        for (String property : List.of("inferplan.home", "user.home")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(extraJvmOptions);
        String modulePath = System.getProperty("jdk.module.path", "");
        String classPath = System.getProperty("java.class.path", "");
        if (!modulePath.isBlank()) {
            command.addAll(List.of("--module-path", modulePath));
        }
        if (!classPath.isBlank()) {
            command.addAll(List.of("-cp", classPath));
        }
        if (IsolatedProfiler.class.getModule().isNamed()) {
            command.addAll(List.of("-m", "io.inferplan.catalog/" + ProfileWorker.class.getName()));
        } else {
            command.add(ProfileWorker.class.getName());
        }
        command.add(what);
        return command;
    }

    private static boolean isWindows() {
        return File.separatorChar == '\\';
    }
}
