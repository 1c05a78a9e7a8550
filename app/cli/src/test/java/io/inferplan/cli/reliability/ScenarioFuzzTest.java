package io.inferplan.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.samples.SampleScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated sample scenarios through the evaluate path: every one either evaluates with finite, non-negative outputs or
 * is rejected with a plain message naming a field. CI runs a few thousand; tools/fuzz-scenarios.sh runs 100,000 or
 * more ({@code -Dfuzz.inputs=N -Dfuzz.seed=S}).
 */
class ScenarioFuzzTest {
    private static final int INPUTS = Integer.getInteger("fuzz.inputs", 3000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261201L);

    @Test
    void everyMutatedScenarioEvaluatesCleanlyOrIsRejectedNamingAField() {
        List<String> seeds = SampleScenarios.all().stream().map(SampleScenarios::json).toList();
        ScenarioMutator mutator = new ScenarioMutator(SEED);
        ScenarioProbe probe = new ScenarioProbe();
        for (int i = 0; i < INPUTS; i++) {
            ScenarioMutator.Mutant mutant = mutator.mutate(seeds.get(i % seeds.size()));
            probe.run(mutant.json(), "input " + i + " (" + mutant.mutation() + ")");
        }
        System.out.println(probe.report(INPUTS));
        probe.defects().forEach(d -> System.out.println("  defect: " + d));
        assertEquals(0, probe.count(ScenarioProbe.Outcome.DEFECT), String.join("\n", probe.defects()));
        assertTrue(probe.count(ScenarioProbe.Outcome.EVALUATED) > INPUTS / 20, "the mutations keep some files valid");
        assertTrue(probe.count(ScenarioProbe.Outcome.REJECTED) > INPUTS / 4, "the mutations reach the checks");
    }

    @Test
    void everySampleEvaluatesWithFiniteOutputs() {
        ScenarioProbe probe = new ScenarioProbe();
        for (var sample : SampleScenarios.all()) {
            assertEquals(ScenarioProbe.Outcome.EVALUATED, probe.run(SampleScenarios.json(sample), sample.toString()), probe.defects().toString());
        }
    }
}
