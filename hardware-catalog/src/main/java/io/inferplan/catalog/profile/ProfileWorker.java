package io.inferplan.catalog.profile;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.store.CatalogStore;
import io.inferplan.engine.JsonSupport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The profiler in a process of its own, started by {@link IsolatedProfiler}: a GPU driver that hangs or crashes
 * takes this process down, never the app or the command line. Speaks lines on standard output:
 * {@code progress FRACTION STEP} while it works and {@code report JSON} at the end; a line {@code cancel} on
 * standard input stops the run as the cancel button does.
 */
public final class ProfileWorker {
    /** Test-only: {@code hang} or {@code crash} after the first progress line, to prove the watchdog. */
    static final String FAULT_PROPERTY = "inferplan.profile.fault";

    private ProfileWorker() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        String what = args.length == 0 ? "discover" : args[0];
        CancelToken cancel = new CancelToken();
        Thread stdin = new Thread(() -> watchForCancel(cancel), "profile-cancel");
        stdin.setDaemon(true);
        stdin.start();
        Profiler profiler = new Profiler(catalog());
        ProfileListener progress = (fraction, step) -> {
            out.println(String.format(Locale.ROOT, "progress %.4f %s", fraction, step.replace('\n', ' ')));
            injectFault();
        };
        ProfileReport report;
        if (what.equals("discover")) {
            progress.onProgress(0, "discovering devices");
            report = profiler.discover();
        } else {
            report = profiler.run(ProfileMode.valueOf(what.toUpperCase(Locale.ROOT)), progress, cancel);
        }
        // One line: the parent reads line by line.
        out.println("report " + JsonSupport.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(report));
        out.flush();
        // The driver's own threads must not keep the process alive after the answer is out.
        System.exit(0);
    }

    /** The bundled catalog with the user's own parts over it, read-only, as the parent sees it. */
    private static AcceleratorCatalog catalog() {
        try {
            return CatalogStore.openDefaultForReading().map(CatalogStore::catalog).orElseGet(AcceleratorCatalog::bundled);
        } catch (RuntimeException e) {
            return AcceleratorCatalog.bundled();
        }
    }

    private static void watchForCancel(CancelToken cancel) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.strip().equals("cancel")) {
                    cancel.cancel();
                }
            }
        } catch (java.io.IOException e) {
            // The parent went away: nothing left to cancel for.
        }
    }

    private static void injectFault() {
        String fault = System.getProperty(FAULT_PROPERTY, "");
        if (fault.equals("hang")) {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // A hung driver ignores interrupts as well.
                }
            }
        }
        if (fault.equals("crash")) {
            // What a crashing driver does: a native access to an invalid address (SIGSEGV, the JVM dies).
            try {
                MemorySegment.ofAddress(8).reinterpret(8).get(ValueLayout.JAVA_LONG, 0);
            } finally {
                // Should the JVM turn the fault into an exception instead, die the way a driver abort does.
                Runtime.getRuntime().halt(134);
            }
        }
    }
}
