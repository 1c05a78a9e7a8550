package io.inferplan.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Killing the app loses nothing": a real writer process edits the workspace and is killed (SIGKILL) at random
 * moments, several times over; every edit it reported saved must be in the file afterwards.
 */
class WorkspaceKillTest {
    private static final Pattern EDIT = Pattern.compile("\"edit\": (\\d+)");

    @TempDir
    Path home;

    @Test
    void everyAcknowledgedEditSurvivesAKill() throws Exception {
        Random random = new Random();
        int next = 1;
        // The last acknowledged edit of each kind over all rounds: a round may acknowledge only one kind.
        int lastScenarioEdit = 0;
        int lastPriceEdit = 0;
        // -Dinferplan.killRounds=N for a longer hunt; 4 keeps the suite under ~20 s.
        for (int round = 0; round < Integer.getInteger("inferplan.killRounds", 4); round++) {
            AtomicInteger lastAcked = new AtomicInteger(next - 1);
            Process child = ChildJvm.of(WorkspaceWriterMain.class, home.toString(), Integer.toString(next)).start();
            Thread reader = Thread.ofPlatform().start(() -> readAcks(child, lastAcked));
            try {
                waitForFirstAck(lastAcked, next - 1, child);
                // Kill while writing or while idle after a burst: the moment is random, as a user's would be.
                Thread.sleep(150 + random.nextInt(1500));
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the writer died");
                reader.join(5_000);
            }
            int acked = lastAcked.get();
            assertTrue(acked >= next, "round " + round + ": the writer acknowledged edits");

            try (WorkspaceStore store = WorkspaceStore.open(home)) {
                lastScenarioEdit = Math.max(lastScenarioEdit, lastOfKindIn(next, acked, 0));
                lastPriceEdit = Math.max(lastPriceEdit, lastOfKindIn(next, acked, 1));
                Matcher stored = EDIT.matcher(store.scenarios().getFirst().documentJson());
                assertTrue(stored.find());
                int storedScenarioEdit = Integer.parseInt(stored.group(1));
                OwnPrice price = store.ownPrices().get("h200-sxm-141gb");
                double storedPrice = price == null ? 0 : price.usdPerGpuHour();
                // Both figures in every message: whether a lost edit takes the small price row with it says
                // whether a whole store chunk was lost or only the scenario's document (an H2 LOB).
                String found = "round " + round + ": acknowledged scenario edit " + lastScenarioEdit + " and price edit "
                        + lastPriceEdit + "; the file has scenario edit " + storedScenarioEdit + " and price " + storedPrice;
                assertTrue(storedScenarioEdit >= lastScenarioEdit, found);
                assertTrue(lastPriceEdit < 1 || storedPrice >= lastPriceEdit, found);
                assertEquals(1, store.scenarios().size());
            }
            // The edit after the last acknowledged one may or may not have committed: the next round skips it.
            next = acked + 2;
        }
    }

    /** The last edit in [first, last] whose parity is {@code parity} (even: scenario, odd: price), or 0. */
    static int lastOfKindIn(int first, int last, int parity) {
        int candidate = last % 2 == parity ? last : last - 1;
        return candidate >= first ? candidate : 0;
    }

    private static void waitForFirstAck(AtomicInteger lastAcked, int before, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (lastAcked.get() == before && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static void readAcks(Process child, AtomicInteger lastAcked) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    lastAcked.set(Integer.parseInt(line.substring("acked ".length())));
                } else if (!line.equals("ready")) {
                    System.err.println("writer: " + line);
                }
            }
        } catch (java.io.IOException e) {
            // The child was killed mid-line: what it acknowledged before is what counts.
        }
    }
}
