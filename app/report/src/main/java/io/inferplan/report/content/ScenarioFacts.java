package io.inferplan.report.content;

import io.inferplan.analysis.Analysis;
import io.inferplan.analysis.BreakEvenCurve;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.engine.optimize.SearchResult;
import io.inferplan.engine.perf.ErrorBands;
import io.inferplan.engine.scenario.ScenarioResult;
import io.inferplan.engine.scenario.Sensitivity;
import io.inferplan.engine.sim.ScenarioSimulation;
import io.inferplan.engine.uncertainty.UncertaintyResult;

/**
 * Everything one scenario's report states, computed once: the analysis every phase done, and the extra runs the
 * pages make (sensitivity, the configuration search, the latency curve, Monte Carlo). The optional ones are null
 * where the scenario does not have them (no latency targets, no distributions) or they could not be computed.
 *
 * @param json        the scenario document as given
 * @param breakEven   the break-even curve of the steady-state figures (the analysis's own follows the simulated costs)
 * @param hardware    the catalog entry of the scenario's accelerator (null for a measured or custom part)
 * @param errorBands  how far the performance figures can be trusted, each with what it rests on
 */
public record ScenarioFacts(String json, Analysis analysis, BreakEvenCurve breakEven, CatalogEntry hardware, ErrorBands errorBands,
                            Sensitivity.Result sensitivity, SearchResult search,
                            ScenarioSimulation.LatencyCurve latencyCurve, UncertaintyResult uncertainty) {

    /**
     * The figures the report states: the steady-state evaluation, as {@code inferplan evaluate} prints them (the
     * simulated sizing is stated beside them, never in their place, so the report and the command line agree).
     */
    public ScenarioResult result() {
        return analysis.steadyState();
    }

    /** The accelerator by its catalog name ("H100 SXM 80GB"), else as the result names it. */
    public String acceleratorName() {
        return hardware != null ? hardware.name() : analysis.steadyState().accelerator();
    }
}
