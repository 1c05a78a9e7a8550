package io.inferplan.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RuntimeReserveTest {
    private static final double GIB = 1L << 30;

    @Test
    void dataCentrePartsKeepTwoGibibytesForTheRuntime() {
        assertEquals(2 * GIB, ReplicaLayout.runtimeReserveBytes(80 * GIB));
        assertEquals(2 * GIB, ReplicaLayout.runtimeReserveBytes(8 * GIB));
    }

    @Test
    void smallDevicesKeepAQuarterOfTheirMemory() {
        assertEquals(1 * GIB, ReplicaLayout.runtimeReserveBytes(4 * GIB));
        assertEquals(0.25 * GIB, ReplicaLayout.runtimeReserveBytes(GIB));
    }
}
