/** Accelerator catalog (bundled and user entries), local GPU discovery and micro-benchmarks. */
module io.inferplan.catalog {
    requires transitive io.inferplan.engine;
    requires com.fasterxml.jackson.databind;
    requires java.sql;
    requires java.logging;
    requires com.h2database;
    requires flyway.core;

    exports io.inferplan.catalog;
    exports io.inferplan.catalog.store;
    exports io.inferplan.catalog.profile;
    opens io.inferplan.catalog.profile to com.fasterxml.jackson.databind;
    opens io.inferplan.catalog to com.fasterxml.jackson.databind;
}
