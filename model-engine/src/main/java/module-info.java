/** InferPlan's engine: workloads, hardware and deployments in; performance and economics out. No UI, no storage. */
module io.inferplan.engine {
    requires transitive com.fasterxml.jackson.databind;

    exports io.inferplan.engine;
    exports io.inferplan.engine.model;
    exports io.inferplan.engine.hardware;
    exports io.inferplan.engine.perf;
    exports io.inferplan.engine.economics;
    exports io.inferplan.engine.scenario;
    exports io.inferplan.engine.sim;
    exports io.inferplan.engine.optimize;
    exports io.inferplan.engine.uncertainty;
    exports io.inferplan.engine.solve;

    opens io.inferplan.engine.model to com.fasterxml.jackson.databind;
    opens io.inferplan.engine.hardware to com.fasterxml.jackson.databind;
    opens io.inferplan.engine.perf to com.fasterxml.jackson.databind;
    opens io.inferplan.engine.economics to com.fasterxml.jackson.databind;
    opens io.inferplan.engine.scenario to com.fasterxml.jackson.databind;
}
