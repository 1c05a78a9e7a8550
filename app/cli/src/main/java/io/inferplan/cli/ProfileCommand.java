package io.inferplan.cli;

import io.inferplan.catalog.profile.BenchmarkResult;
import io.inferplan.catalog.profile.CancelToken;
import io.inferplan.catalog.profile.DeviceProfile;
import io.inferplan.catalog.profile.IsolatedProfiler;
import io.inferplan.catalog.profile.ProfileMode;
import io.inferplan.catalog.profile.ProfileReport;
import io.inferplan.catalog.store.CatalogStore;
import io.inferplan.engine.JsonSupport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inferplan profile}: finds this machine's accelerators and measures them. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Finds the GPUs and other accelerators in this machine (NVML, amd-smi, OpenCL) and measures memory bandwidth,",
                "FP32/FP16 throughput, host-device transfers and launch latency through OpenCL, beside the catalog's datasheet.",
                "No device found is an answer, not an error. The run is saved in the catalog database unless --no-save."})
public final class ProfileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--quick", description = "Fewer sizes and repeats: under 20 seconds per device")
    boolean quick;
    @Option(names = "--json", description = "Print {\"devices\": [...]} as JSON (progress still goes to standard error)")
    boolean json;
    @Option(names = "--no-save", description = "Do not store the run in the catalog database")
    boolean noSave;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        CancelToken cancel = new CancelToken();
        Thread hook = new Thread(cancel::cancel);
        Runtime.getRuntime().addShutdownHook(hook);
        ProfileReport report;
        try {
            // In a process of its own under a watchdog: a hanging or crashing driver ends with a line, not a hang.
            report = new IsolatedProfiler().run(quick ? ProfileMode.QUICK : ProfileMode.FULL, (fraction, step) -> {
                err.printf(Locale.ROOT, "[%3.0f%%] %s%n", fraction * 100, step);
                err.flush();
            }, cancel);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
        if (!noSave) {
            try {
                CatalogStore.openDefault().saveProfileRun(report.startedAtInstant(), report.mode(), report.host().hostName(),
                        report.devices().size(), report);
            } catch (RuntimeException e) {
                err.println("warning: the run could not be saved: " + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonSupport.mapper().writeValueAsString(report));
            out.flush();
            return ExitCodes.OK;
        }
        out.println("Host: " + report.host().hostName() + " · " + report.host().cpuModel() + " · " + report.host().logicalCpus()
                + " CPUs · " + String.format(Locale.ROOT, "%.1f GB", report.host().memoryBytes() / 1e9));
        for (String note : report.notes()) {
            out.println("  " + note);
        }
        for (DeviceProfile d : report.devices()) {
            out.println();
            out.println(d.name() + " (" + d.vendor() + ", " + d.type() + " via " + d.api() + ")"
                    + (d.matchedCatalogId() == null ? " · not in the catalog" : " · catalog: " + d.matchedCatalogId()));
            out.println(String.format(Locale.ROOT, "  %.1f GB memory, %d compute units, %d MHz, driver %s", d.memoryBytes() / 1e9,
                    d.computeUnits(), d.maxClockMhz(), d.driverVersion()));
            if (d.problem() != null) {
                out.println("  " + d.problem());
            }
            if (!d.results().isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"  MEASURE", "VALUE", "% DATASHEET", "METHOD"});
                for (BenchmarkResult r : d.results()) {
                    rows.add(new String[] {"  " + r.metric(), String.format(Locale.ROOT, "%.2f %s", r.value(), r.unit()),
                            r.percentOfDatasheet() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", r.percentOfDatasheet()), r.method()});
                }
                TextTable.print(out, rows);
            }
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%s run in %.1f s%s.", report.mode(), report.wallSeconds(), report.cancelled() ? " (cancelled)" : ""));
        out.flush();
        return ExitCodes.OK;
    }
}
