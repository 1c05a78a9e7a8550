package io.inferplan.cli.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.cli.Cli;
import io.inferplan.engine.hardware.AcceleratorFamily;
import io.inferplan.engine.perf.EfficiencyTable;
import io.inferplan.engine.perf.ServingStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `calibrate --stack` refits one stack's pairs and leaves every other pair's factors as bundled. */
class CalibrateStackTest {
    @TempDir
    Path dir;

    @Test
    void onlyTheNamedStacksPairsAreRefitted() throws IOException {
        // A few Hopper rows of two vLLM models and of SGLang: enough to fit, small enough to be quick.
        List<String> lines = sweepLines();
        List<String> picked = new ArrayList<>(List.of(lines.getFirst()));
        picked.addAll(pick(lines, line -> line.contains(",vllm,") && line.contains(",Qwen3-32B,"), 6));
        picked.addAll(pick(lines, line -> line.contains(",vllm,") && line.contains(",Llama-3.1-70B,"), 6));
        picked.addAll(pick(lines, line -> line.contains(",sglang,"), 6));
        assertEquals(19, picked.size(), "the sample found its rows");
        Path cases = dir.resolve("cases.csv");
        Files.write(cases, picked, StandardCharsets.UTF_8);
        Path written = dir.resolve("table.json");

        StringWriter out = new StringWriter();
        CommandLine cli = Cli.commandLine();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("calibrate", cases.toString(), "--stack", "vllm", "--write", written.toString());
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("Fitted 12 measurements"), out.toString());
        assertFalse(out.toString().contains("| NVIDIA Hopper | SGLang |"), "SGLang was not refitted:\n" + out);

        EfficiencyTable refit = EfficiencyTable.read(Files.readString(written, StandardCharsets.UTF_8));
        EfficiencyTable bundled = EfficiencyTable.bundled();
        for (ServingStack kept : List.of(ServingStack.SGLANG, ServingStack.TENSORRT_LLM)) {
            assertEquals(bundled.resolve(AcceleratorFamily.NVIDIA_HOPPER, kept).profile(),
                    refit.resolve(AcceleratorFamily.NVIDIA_HOPPER, kept).profile(), kept + " kept its factors");
        }
        assertNotEquals(bundled.resolve(AcceleratorFamily.NVIDIA_HOPPER, ServingStack.VLLM).profile(),
                refit.resolve(AcceleratorFamily.NVIDIA_HOPPER, ServingStack.VLLM).profile(), "vLLM was refitted");
    }

    @Test
    void bandsOnlyKeepsEveryFactorAndRecomputesTheBands() throws IOException {
        List<String> lines = sweepLines();
        List<String> picked = new ArrayList<>(List.of(lines.getFirst()));
        picked.addAll(pick(lines, line -> line.contains(",vllm,") && (line.contains(",Qwen3-32B,") || line.contains(",Llama-3.1-70B,")), 12));
        Path cases = dir.resolve("cases.csv");
        Files.write(cases, picked, StandardCharsets.UTF_8);
        Path written = dir.resolve("table.json");
        CommandLine cli = Cli.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("calibrate", cases.toString(), "--stack", "vllm", "--bands-only", "--write", written.toString()),
                out.toString());
        EfficiencyTable kept = EfficiencyTable.read(Files.readString(written, StandardCharsets.UTF_8));
        assertEquals(EfficiencyTable.bundled().resolve(AcceleratorFamily.NVIDIA_HOPPER, ServingStack.VLLM).profile(),
                kept.resolve(AcceleratorFamily.NVIDIA_HOPPER, ServingStack.VLLM).profile(), "no factor moved");
        assertTrue(out.toString().contains("leave-one-model-out"), out.toString());
    }

    private static List<String> sweepLines() throws IOException {
        return Files.readAllLines(Path.of("../../validation/concurrency-sweeps-cases.csv"), StandardCharsets.UTF_8);
    }

    /** The first {@code limit} H100 rows (header skipped) that {@code wanted} accepts. */
    private static List<String> pick(List<String> lines, java.util.function.Predicate<String> wanted, int limit) {
        return lines.subList(1, lines.size()).stream().filter(line -> line.contains(",H100-SXM-80GB,") && wanted.test(line))
                .limit(limit).toList();
    }

    @Test
    void anUnknownStackIsNamedInTheError() throws IOException {
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("calibrate", "../../validation/calibration.csv", "--stack", "ollama");
        assertTrue(code != 0);
        assertTrue(err.toString().contains("--stack"), err.toString());
    }
}
