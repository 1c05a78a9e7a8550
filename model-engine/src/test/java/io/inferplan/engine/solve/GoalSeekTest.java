package io.inferplan.engine.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.engine.scenario.DocumentPaths;
import io.inferplan.engine.scenario.Fixtures;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.scenario.ScenarioResult;
import io.inferplan.engine.solve.GoalSeek.Input;
import io.inferplan.engine.solve.GoalSeek.Outcome;
import io.inferplan.engine.solve.GoalSeek.Request;
import io.inferplan.engine.solve.GoalSeek.Target;
import io.inferplan.engine.sim.SimulationProgress;
import org.junit.jupiter.api.Test;

/** Goal seek on the hand-built fixture: the written scenario evaluates to the target; unreachable ones say why. */
class GoalSeekTest {
    private static final ScenarioEvaluator EVALUATOR = new ScenarioEvaluator(Fixtures.STUB);

    /** At $200 per GPU-hour the fleet is most of the cost: margins move with the price over their whole range. */
    private static final String FLEET_HEAVY = Fixtures.JSON.replace("\"usdPerGpuHour\": 2.0", "\"usdPerGpuHour\": 200");

    private static Outcome solve(String json, Request request) {
        return GoalSeek.solve(json, request, Fixtures.RESOLVER, EVALUATOR, SimulationProgress.NONE);
    }

    private static ScenarioResult evaluate(String json) {
        return EVALUATOR.evaluate(Fixtures.RESOLVER.resolve(ScenarioJson.read(json)));
    }

    @Test
    void aPriceForAGrossMarginIsWrittenAndReEvaluatesToIt() {
        Outcome outcome = solve(FLEET_HEAVY, new Request(Target.GROSS_MARGIN_PERCENT, 60, Input.PRICE, "mid", true));
        assertTrue(outcome.reached(), outcome.explanation());
        ScenarioResult written = evaluate(outcome.scenarioJson());
        assertEquals(60, written.totals().grossMarginPercent(), 0.01);
        var tier = ScenarioJson.read(outcome.scenarioJson()).pricing().tiers().getFirst();
        assertEquals(outcome.inputValue(), tier.usdPerMillionOutputTokens(), 1e-9);
        assertEquals(3.0 / 15, tier.usdPerMillionInputTokens() / tier.usdPerMillionOutputTokens(), 1e-9, "ratios kept");
        Outcome alone = solve(FLEET_HEAVY, new Request(Target.GROSS_MARGIN_PERCENT, 60, Input.PRICE, "mid", false));
        var aloneTier = ScenarioJson.read(alone.scenarioJson()).pricing().tiers().getFirst();
        assertEquals(3, aloneTier.usdPerMillionInputTokens(), 1e-12, "only the output price moves");
        assertEquals(60, evaluate(alone.scenarioJson()).totals().grossMarginPercent(), 0.01);
    }

    @Test
    void theBreakEvenLoadAndTheLoadAGpuBudgetServes() {
        Outcome breakEven = solve(Fixtures.JSON, new Request(Target.OPERATING_PROFIT, 0, Input.LOAD, null, true));
        assertTrue(breakEven.reached(), breakEven.explanation());
        assertEquals(0, evaluate(breakEven.scenarioJson()).totals().operatingProfitUsdPerMonth(), 5);
        Outcome budget = solve(Fixtures.JSON, new Request(Target.GPUS, 10, Input.LOAD, null, true));
        assertTrue(budget.reached(), budget.explanation());
        ScenarioResult atBudget = evaluate(budget.scenarioJson());
        assertTrue(atBudget.capacity().gpusRequired() <= 10);
        // A little more load needs another GPU: the answer is the edge.
        ObjectNode more = ScenarioJson.tree(budget.scenarioJson());
        DocumentPaths.scale(more, "workload.averageRequestsPerSecond", 1.001);
        DocumentPaths.scale(more, "workload.peakRequestsPerSecond", 1.001);
        assertTrue(evaluate(more.toString()).capacity().gpusRequired() > 10, "the most load that fits");
    }

    @Test
    void aTargetOutOfReachSaysHowCloseItGets() {
        Outcome outcome = solve(Fixtures.JSON, new Request(Target.COST_PER_MILLION_OUTPUT_TOKENS, 1e-6, Input.UTILIZATION, null, true));
        assertFalse(outcome.reached());
        assertNull(outcome.scenarioJson(), "nothing to write");
        assertTrue(outcome.explanation().startsWith("Cost per million output tokens cannot reach 1e-06 by moving the planned "
                + "utilisation (deployment.plannedUtilization) from 0.05 to 1 share: the closest is "), outcome.explanation());
        assertTrue(outcome.inputValue() > 0.5 && outcome.resultValue() > 1e-6, "cheapest near full utilisation: " + outcome);
    }

    @Test
    void badRequestsNameTheOption() {
        assertEquals("target: gross-margin-percent must be below 100 (a margin is a share of revenue), was 120.0",
                assertThrows(InvalidInputException.class, () -> new Request(Target.GROSS_MARGIN_PERCENT, 120, Input.PRICE, null, true))
                        .getMessage());
        assertEquals("tier: no tier named 'gold'; the scenario has: mid", assertThrows(InvalidInputException.class,
                () -> solve(Fixtures.JSON, new Request(Target.GROSS_MARGIN_PERCENT, 50, Input.PRICE, "gold", true))).getMessage());
        assertEquals("target: unknown target 'margin'; known: gross-margin-percent, operating-profit, "
                + "cost-per-million-output-tokens, cost-per-million-tokens, gpus",
                assertThrows(InvalidInputException.class, () -> Target.named("margin")).getMessage());
    }
}
