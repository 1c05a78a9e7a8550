package io.inferplan.app.evaluation;

import io.inferplan.analysis.ScenarioAnalyzer;

import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.app.workspace.SampleLibrary;
import io.inferplan.catalog.AcceleratorCatalog;
import java.util.Map;

/** A real evaluation stack over the bundled catalog, run on the calling thread (view-model tests need no window). */
public final class AnalysisFixture {
    public final InputChanges changes = new InputChanges(Runnable::run);
    public final EvaluationInputs inputs = new EvaluationInputs(AcceleratorCatalog.bundled(), changes);
    public final ScenarioAnalyzer analyzer = new ScenarioAnalyzer(inputs::catalog, inputs::rentalRates);
    public final EvaluationService evaluation = new EvaluationService(analyzer, TaskRunner.sameThread());

    /** The consumer-chat sample's document (a rented H100 deployment with latency targets and three tiers). */
    public static String consumerChat() {
        return SampleLibrary.samples().stream().filter(e -> e.getKey().startsWith("Consumer chat")).map(Map.Entry::getValue)
                .findFirst().orElseThrow();
    }

    /** The model-router sample's document (85% on a small model on L40S, 15% on DeepSeek-V3 on H200, a router cost). */
    public static String router() {
        return SampleLibrary.samples().stream().filter(e -> e.getKey().startsWith("Consumer assistant with a model router"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }
}
