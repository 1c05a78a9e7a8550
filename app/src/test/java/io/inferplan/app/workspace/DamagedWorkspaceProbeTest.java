package io.inferplan.app.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of a real workspace, 24 ways (truncated, zeroed blocks, flipped bytes, garbage): the app's way in
 * never fails, never overwrites the damaged file, and either opens what is readable or restores the backup; the
 * scenarios the user made are always there afterwards.
 */
class DamagedWorkspaceProbeTest {
    @TempDir
    Path home;

    record Damage(String name, java.util.function.UnaryOperator<byte[]> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Damage> damages() {
        Stream<Damage> truncations = IntStream.of(0, 1, 100, 4096, 8192, 12_000).mapToObj(n -> new Damage("truncated to " + n,
                bytes -> Arrays.copyOf(bytes, Math.min(n, bytes.length))));
        Stream<Damage> zeroed = IntStream.range(0, 6).mapToObj(block -> new Damage("block " + block + " zeroed", bytes -> {
            byte[] copy = bytes.clone();
            int from = Math.min(copy.length, block * 4096);
            Arrays.fill(copy, from, Math.min(copy.length, from + 4096), (byte) 0);
            return copy;
        }));
        Stream<Damage> flipped = IntStream.range(0, 8).mapToObj(seed -> new Damage("64 bytes flipped, seed " + seed, bytes -> {
            byte[] copy = bytes.clone();
            Random random = new Random(seed);
            for (int i = 0; i < 64; i++) {
                copy[random.nextInt(copy.length)] ^= (byte) (1 + random.nextInt(255));
            }
            return copy;
        }));
        Stream<Damage> garbage = IntStream.range(0, 4).mapToObj(seed -> new Damage("garbage, seed " + seed, bytes -> {
            byte[] copy = new byte[bytes.length];
            new Random(100 + seed).nextBytes(copy);
            return copy;
        }));
        return Stream.of(truncations, zeroed, flipped, garbage).flatMap(s -> s);
    }

    /**
     * The long mode: {@code -Dinferplan.damageRounds=N} adds N random damages (a random truncation, zeroed run or
     * flipped bytes each), run by {@code tools/damage-probe.sh N}; 4 in the default run.
     */
    static Stream<Damage> randomDamages() {
        int rounds = Integer.getInteger("inferplan.damageRounds", 4);
        return IntStream.range(0, rounds).mapToObj(round -> {
            Random random = new Random(1_000 + round);
            int kind = random.nextInt(3);
            long seed = random.nextLong();
            return new Damage("random " + round + " (" + (kind == 0 ? "truncation" : kind == 1 ? "zeroed run" : "flips") + ")", bytes -> {
                Random r = new Random(seed);
                byte[] copy = bytes.clone();
                if (kind == 0) {
                    return Arrays.copyOf(copy, r.nextInt(copy.length));
                }
                if (kind == 1) {
                    int from = r.nextInt(copy.length);
                    Arrays.fill(copy, from, Math.min(copy.length, from + 1 + r.nextInt(16_384)), (byte) 0);
                    return copy;
                }
                for (int i = 0, n = 1 + r.nextInt(256); i < n; i++) {
                    copy[r.nextInt(copy.length)] ^= (byte) (1 + r.nextInt(255));
                }
                return copy;
            });
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomDamages")
    void theUsersScenariosSurviveARandomDamage(Damage damage) throws Exception {
        theUsersScenariosSurviveADamagedFile(damage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void theUsersScenariosSurviveADamagedFile(Damage damage) throws Exception {
        try (WorkspaceStore store = WorkspaceStore.openWithBackups(home).store()) {
            for (int i = 0; i < 5; i++) {
                store.create("Mine " + i, "{\"n\": " + i + ", \"padding\": \"" + "x".repeat(2000) + "\"}");
            }
            store.putOwnPrice(new OwnPrice("h100-sxm-80gb", 1.99, null, "quote"));
        }
        WorkspaceStore.openWithBackups(home).store().close();
        Path file = WorkspaceDatabase.file(home);
        byte[] damaged = damage.apply().apply(Files.readAllBytes(file));
        Files.write(file, damaged);

        WorkspaceStore.Opened opened = WorkspaceStore.openWithBackups(home);
        try (WorkspaceStore store = opened.store()) {
            if (opened.recovery() != null) {
                assertArrayEquals(damaged, Files.readAllBytes(opened.recovery().damagedFile()), "the damaged file is kept as it was");
            }
            assertEquals(5, store.scenarios().size(), damage + ": the scenarios are there (" + opened.recovery() + ")");
            assertTrue(store.scenarios().stream().allMatch(s -> s.documentJson().contains("padding")));
        }
    }
}
