package io.inferplan.cli.bench;

import io.inferplan.cli.ScenarioFileLoader;
import io.inferplan.engine.scenario.EstimateSource;
import io.inferplan.engine.scenario.ScenarioResolver;
import io.inferplan.engine.sim.SimulationProgress;
import io.inferplan.engine.uncertainty.MonteCarlo;
import io.inferplan.engine.uncertainty.UncertaintyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints Monte Carlo speed (a harness, not a timed test): for every bundled sample, preparation (parse, evaluate,
 * standard inputs) and 10,000 draws, repeated (the first repeat includes JIT warm-up and the grid's estimates).
 * Run by tools/benchmark-uncertainty.sh; the goal is 10,000 draws in under 2 s on 2 cores.
 */
public final class UncertaintySpeed {
    private UncertaintySpeed() {
    }

    public static void main(String[] args) throws IOException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int draws = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        ScenarioResolver resolver = ScenarioFileLoader.bundledResolver();

        Path samples = Path.of("samples/src/main/resources/io/inferplan/samples");
        System.out.printf(Locale.ROOT, "%d draws on %d threads (%d cores visible)%n", draws, threads,
                Runtime.getRuntime().availableProcessors());
        try (var files = Files.list(samples)) {
            for (Path file : files.sorted().filter(f -> !f.getFileName().toString().equals("index.json")).toList()) {
                String text = Files.readString(file);
                for (int r = 0; r < repeats; r++) {
                    long start = System.nanoTime();
                    // A fresh estimate source each repeat: the first draws of every run pay for their grid points.
                    MonteCarlo run = MonteCarlo.of(text, resolver, EstimateSource.standard(), true);
                    long prepared = System.nanoTime();
                    long cpuBefore = processCpuNanos();
                    UncertaintyResult result = run.run(draws, 1, threads, SimulationProgress.NONE);
                    long end = System.nanoTime();
                    double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
                    double seconds = (end - prepared) / 1e9;
                    // CPU time as well as wall time: on a shared machine the wall clock measures the neighbours.
                    System.out.printf(Locale.ROOT, "%-34s prepare %6.3f s, draws %6.3f s = %,8.0f draws/s; CPU %6.3f s = %,8.0f "
                                    + "draws per CPU-second (%d inputs, %d rejected)%n", file.getFileName(), (prepared - start) / 1e9,
                            seconds, draws / seconds, cpuSeconds, draws / cpuSeconds, result.inputs().size(), result.rejectedDraws());
                }
            }
        }
    }

    /** The JVM's CPU time so far, from /proc (the cli module does not read java.management); 0 where there is none. */
    private static long processCpuNanos() {
        try {
            String[] fields = Files.readString(Path.of("/proc/self/stat")).replaceFirst("^.*\\) ", "").split(" ");
            // utime and stime, fields 14 and 15 of stat (12 and 13 after the name), in clock ticks of 10 ms.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
