package io.inferplan.catalog.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Own quotes and profile runs survive a kill: a real writer process (with a concurrent reader, as in the app) is
 * killed (SIGKILL) at random moments, several times over; every write it reported done must be in the file.
 */
// Not in the default run: H2 2.5.252 still loses an acknowledged row update now and then when the writer is killed
// (docs/reliability.md); tools/kill-test.sh runs it. Back in CI once it passes every time.
@org.junit.jupiter.api.Tag("kill")
class CatalogKillTest {
    @TempDir
    Path home;

    @Test
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        Random random = new Random();
        int next = 1;
        // -Dinferplan.killRounds=N for a longer hunt; 3 keeps the suite under ~20 s.
        for (int round = 0; round < Integer.getInteger("inferplan.killRounds", 3); round++) {
            AtomicInteger lastAcked = new AtomicInteger(next - 1);
            Process child = childJvm(CatalogWriterMain.class, home.toString(), Integer.toString(next)).start();
            Thread reader = Thread.ofPlatform().start(() -> readAcks(child, lastAcked));
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (lastAcked.get() == next - 1 && child.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                // Kill while writing or while idle after a burst: the moment is random, as a user's would be.
                Thread.sleep(100 + random.nextInt(1000));
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the writer died");
                reader.join(5_000);
            }
            int acked = lastAcked.get();
            assertTrue(acked >= next, "round " + round + ": the writer acknowledged writes");

            CatalogStore store = CatalogStore.open(home);
            int lastQuote = acked % 2 == 0 ? acked : acked - 1;
            int lastRun = acked % 2 == 1 ? acked : acked - 1;
            double storedQuote = store.userEntry("h100-sxm-80gb").map(e -> e.prices().getFirst().usdPerGpu()).orElse(0.0);
            int storedRun = store.profileRuns().stream().mapToInt(run -> writeOf(run.reportJson())).max().orElse(0);
            // Both figures in every message: whether a lost quote takes the small profile row with it says whether
            // a whole store chunk was lost or only the entry's JSON (an H2 LOB).
            String found = "round " + round + ": acknowledged quote " + lastQuote + " and profile run " + lastRun
                    + "; the file has quote " + storedQuote + " and profile run " + storedRun;
            assertTrue(lastQuote < 2 || storedQuote >= lastQuote, found);
            assertTrue(storedRun >= lastRun, found);
            next = acked + 2;
        }
    }

    private static int writeOf(String reportJson) {
        return Integer.parseInt(reportJson.replaceAll("\\D+", ""));
    }

    /** This JVM's class and module path, flattened to a class path for the child. */
    static ProcessBuilder childJvm(Class<?> mainClass, String... args) throws Exception {
        Set<String> path = new LinkedHashSet<>();
        path.add(Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                path.addAll(List.of(value.split(File.pathSeparator)));
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", String.join(File.pathSeparator, path), mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static void readAcks(Process child, AtomicInteger lastAcked) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    lastAcked.set(Integer.parseInt(line.substring("acked ".length())));
                } else {
                    System.err.println("writer: " + line);
                }
            }
        } catch (java.io.IOException e) {
            // The child was killed mid-line: what it acknowledged before is what counts.
        }
    }
}
