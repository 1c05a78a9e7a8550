package io.inferplan.app.dashboard;


import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferplan.engine.perf.ServingTarget;
import org.junit.jupiter.api.Test;

class LatencyFiguresTest {
    @Test
    void theTargetTheOperatingPointSitsAtBinds() {
        LatencyFigures f = LatencyFigures.of(0.127, 0.04999, new ServingTarget.LatencyTargets(1.5, 0.05));
        assertEquals("0.13 s · 50 ms", f.value());
        assertEquals("targets 1.5 s · 50 ms; TPOT binds (means)", f.detail());
        assertEquals("TTFT binds", LatencyFigures.of(1.45, 0.02, new ServingTarget.LatencyTargets(1.5, 0.05)).detail().split("; ")[1].replace(" (means)", ""));
        assertEquals("neither binds", LatencyFigures.of(0.2, 0.02, new ServingTarget.LatencyTargets(1.5, 0.05)).detail().split("; ")[1].replace(" (means)", ""));
    }

    @Test
    void withoutTargetsTheTileSaysSo() {
        assertEquals("no targets: sized for throughput (means)", LatencyFigures.of(2.5, 0.09, null).detail());
        assertEquals("2.5 s · 90 ms", LatencyFigures.of(2.5, 0.09, null).value());
        assertEquals("targets none · 50 ms; TPOT binds (means)",
                LatencyFigures.of(2.5, 0.049, new ServingTarget.LatencyTargets(0, 0.05)).detail());
    }
}
