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
class CatalogKillTest {
    @TempDir
    Path home;

    @Test
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        Random random = new Random();
        int next = 1;
        // The last acknowledged write of each kind over all rounds: a round may acknowledge only one kind.
        int lastQuote = 0;
        int lastRun = 0;
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
            lastQuote = Math.max(lastQuote, lastOfKindIn(next, acked, 0));
            lastRun = Math.max(lastRun, lastOfKindIn(next, acked, 1));
            double storedQuote = store.userEntry("h100-sxm-80gb").map(e -> e.prices().getFirst().usdPerGpu()).orElse(0.0);
            int storedRun = store.profileRuns().stream().mapToInt(run -> writeOf(run.reportJson())).max().orElse(0);
            // Both figures in every message: whether a lost quote takes the small profile row with it says whether
            // a whole store chunk was lost or only the entry's JSON (an H2 LOB).
            String found = "round " + round + ": acknowledged quote " + lastQuote + " and profile run " + lastRun
                    + "; the file has quote " + storedQuote + " and profile run " + storedRun;
            assertTrue(lastQuote < 2 || storedQuote >= lastQuote, found);
            assertTrue(storedRun >= lastRun, found);
            // The write after the last acknowledged one may or may not have committed: the next round skips it.
            next = acked + 2;
        }
    }

    /** The last write in [first, last] whose parity is {@code parity} (even: quote, odd: profile run), or 0. */
    static int lastOfKindIn(int first, int last, int parity) {
        int candidate = last % 2 == parity ? last : last - 1;
        return candidate >= first ? candidate : 0;
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
