package io.inferplan.app.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.app.evaluation.AnalysisFixture;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.scenario.Distribution;
import io.inferplan.engine.uncertainty.UncertainInput;
import io.inferplan.engine.uncertainty.UncertaintyResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class UncertaintyViewModelTest {
    private final AnalysisFixture fixture = new AnalysisFixture();
    private final AtomicInteger runs = new AtomicInteger();
    private String json = AnalysisFixture.consumerChat();
    private final UncertaintyViewModel model = new UncertaintyViewModel(() -> json, fixture.evaluation.analysisProperty(),
            (document, standard) -> {
                runs.incrementAndGet();
                return fixture.analyzer.monteCarlo(document, standard);
            }, this::edit, TaskRunner.sameThread());

    private void edit(Consumer<ObjectNode> change) {
        try {
            ObjectNode document = (ObjectNode) JsonSupport.mapper().readTree(json);
            change.accept(document);
            json = document.toString();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        fixture.evaluation.request(json);
    }

    @Test
    void drawsTheOpenScenarioWhileShownAndTheSameSeedGivesTheSameAnswer() {
        model.drawsProperty().set(1_000);
        fixture.evaluation.request(json);
        assertEquals(0, runs.get(), "hidden: nothing drawn");
        model.activate();
        UncertaintyResult first = model.resultProperty().get();
        assertNotNull(first);
        assertEquals(1_000, first.draws());
        var profit = first.operatingProfitUsdPerMonth();
        assertTrue(profit.p10() <= profit.p50() && profit.p50() <= profit.p90(), profit.toString());
        assertTrue(profit.p90() > profit.p10(), "the standard uncertainty spreads the profit");
        assertTrue(model.summaryProperty().get().startsWith("Over 1,000 draws"), model.summaryProperty().get());
        assertTrue(first.inputs().stream().anyMatch(i -> i.name().toLowerCase(java.util.Locale.ROOT).contains("gpu")),
                "the GPU price is a standard input: " + first.inputs().stream().map(UncertainInput::name).toList());
        model.runAgain();
        assertEquals(first.operatingProfitUsdPerMonth(), model.resultProperty().get().operatingProfitUsdPerMonth(), "same seed, same answer");
        model.seedProperty().set(7);
        assertEquals(3, runs.get(), "a new seed draws again");
        model.standardInputsProperty().set(false);
        assertTrue(model.resultProperty().get().inputs().isEmpty(), "the chat sample declares no distribution of its own");
        assertEquals(model.resultProperty().get().operatingProfitUsdPerMonth().p10(),
                model.resultProperty().get().operatingProfitUsdPerMonth().p90(), 1e-6, "nothing drawn, nothing spread");
    }

    @Test
    void givingANumberADistributionIsAnEditAndAnImpossibleOneChangesNothing() {
        model.drawsProperty().set(1_000);
        fixture.evaluation.request(json);
        model.activate();
        UncertainInput price = model.resultProperty().get().inputs().stream()
                .filter(i -> i.name().equals("GPU price")).findFirst().orElseThrow();
        assertEquals("cost.usdPerGpuHour", model.editablePath(price).orElseThrow(), "the rented scenario's rate");
        UncertainInput engine = model.resultProperty().get().inputs().stream()
                .filter(i -> i.effect() == UncertainInput.Effect.THROUGHPUT).findFirst().orElseThrow();
        assertTrue(model.editablePath(engine).isEmpty(), "the engine's own error has no number in the file");
        assertEquals(2.99, model.currentValue(price).orElseThrow(), 1e-12);

        String before = json;
        assertThrows(InvalidInputException.class,
                () -> model.setDistribution(price, new Distribution.Normal(-1, 3, null, null)), "a price that can go negative");
        assertEquals(before, json, "nothing changed");

        String said = model.setDistribution(price, new Distribution.Triangular(2.5, 2.99, 4));
        assertTrue(said.startsWith("cost.usdPerGpuHour is now triangular"), said);
        assertTrue(model.declared(price));
        assertEquals(2.99, model.currentValue(price).orElseThrow(), 1e-12, "a plain evaluation still reads the mode");
        assertTrue(model.resultProperty().get().inputs().stream().noneMatch(i -> i.name().equals("GPU price")),
                "the scenario's own distribution replaces the standard GPU price");
        UncertainInput declared = model.resultProperty().get().inputs().stream()
                .filter(i -> i.paths().equals(List.of("cost.usdPerGpuHour"))).findFirst().orElseThrow();
        assertEquals("scenario file", declared.source(), "the scenario's own replaces the standard one");
        assertEquals(4.0, declared.distribution().highest(), 1e-12);

        model.removeDistribution(declared);
        assertTrue(json.contains("\"usdPerGpuHour\":2.99"), json);
    }
}
