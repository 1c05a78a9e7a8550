/** Accelerator catalog (bundled and user entries), local GPU discovery and micro-benchmarks. */
module io.inferplan.catalog {
    requires transitive io.inferplan.engine;
    requires com.fasterxml.jackson.databind;
    requires java.sql;
    requires com.h2database;
    requires flyway.core;

    exports io.inferplan.catalog;
}
