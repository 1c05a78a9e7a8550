/** InferPlan's bundled example scenarios: JSON files and their index. */
module io.inferplan.samples {
    requires io.inferplan.engine;

    exports io.inferplan.samples;
    // Open so other modules can read the JSON resources, and Jackson can build the index records.
    opens io.inferplan.samples;
}
