/** InferPlan's engine: workloads, hardware and deployments in; performance and economics out. No UI, no storage. */
module io.inferplan.engine {
    requires com.fasterxml.jackson.databind;

    exports io.inferplan.engine;
}
