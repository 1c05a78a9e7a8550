package io.inferplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Without the report module on the path (as in this module's tests), `report` says what is missing. */
class PluggedCommandsTest {
    @Test
    void reportWithoutItsModuleSaysSo() {
        CliRun run = CliRun.of("report", "scenario.json", "--out", "x.pdf");
        assertEquals(ExitCodes.FAILURE, run.exitCode());
        assertTrue(run.err().contains("lacks the io.inferplan.report module"), run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }
}
