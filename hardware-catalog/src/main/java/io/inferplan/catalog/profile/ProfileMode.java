package io.inferplan.catalog.profile;

/** How long to measure: QUICK stays under 20 s on one device; FULL sweeps more sizes and repeats. */
public enum ProfileMode {
    QUICK,
    FULL
}
