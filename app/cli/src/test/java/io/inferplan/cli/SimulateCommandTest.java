package io.inferplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.cli.calibration.CaseTable;
import io.inferplan.engine.JsonSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inferplan simulate} on a bundled sample, and {@code estimate --cases} with load and slo rows. */
class SimulateCommandTest {
    private static final Path SAMPLES = Path.of("../../samples/src/main/resources/io/inferplan/samples");
    private static final String CHAT = SAMPLES.resolve("consumer-chat-h100.json").toString();

    @TempDir
    Path temp;

    @Test
    void printsLatencyDistributionsAndTheCapacityWithinTheTargets() {
        CliRun run = CliRun.of("simulate", CHAT, "--duration", "120");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Time to first token"), run.out());
        assertTrue(run.out().contains("Capacity"), run.out());
        assertTrue(run.out().contains("replicas ="), run.out());
    }

    @Test
    void jsonAndPerRequestCsv() throws IOException {
        Path requests = temp.resolve("requests.csv");
        Path timeline = temp.resolve("timeline.csv");
        CliRun run = CliRun.of("simulate", CHAT, "--rate", "1", "--duration", "60", "--json", "--requests-csv", requests.toString(),
                "--timeline-csv", timeline.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = JsonSupport.mapper().readTree(run.out());
        assertFalse(root.at("/result/overloaded").asBoolean());
        assertTrue(root.at("/result/ttftMs/p99").asDouble() >= root.at("/result/ttftMs/p50").asDouble());
        assertTrue(root.at("/capacity/replicas").asInt() >= 1);
        List<String> lines = Files.readAllLines(requests);
        assertEquals("request,arrival_s,input_tokens,output_tokens,queue_s,ttft_s,tpot_s,e2e_s,preemptions", lines.getFirst());
        assertTrue(lines.size() > 30);
        List<String> samples = Files.readAllLines(timeline);
        assertEquals("time_s,kv_used_share,running_sequences,waiting_requests,preemptions", samples.getFirst());
        assertTrue(samples.size() > 100, samples.size() + " samples");
    }

    @Test
    void anOverloadedReplicaIsSaidToBeOverloadedWithoutAP99() throws IOException {
        CliRun run = CliRun.of("simulate", CHAT, "--rate", "100", "--duration", "60", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = JsonSupport.mapper().readTree(run.out());
        assertTrue(root.at("/result/overloaded").asBoolean());
        assertTrue(root.at("/result/ttftMs/p99").isMissingNode());
    }

    @Test
    void swapPreemptionIsAnExplicitOption() throws IOException {
        CliRun plain = CliRun.of("simulate", CHAT, "--rate", "1", "--duration", "60", "--json");
        assertEquals(0, plain.exitCode(), plain.err());
        assertEquals("recompute", JsonSupport.mapper().readTree(plain.out()).at("/scheduler/preemption").asText());
        CliRun swap = CliRun.of("simulate", CHAT, "--rate", "1", "--duration", "60", "--json", "--preemption", "swap",
                "--swap-space-gib", "8");
        assertEquals(0, swap.exitCode(), swap.err());
        JsonNode root = JsonSupport.mapper().readTree(swap.out());
        assertEquals("swap", root.at("/scheduler/preemption").asText());
        assertEquals(8.0 * (1L << 30), root.at("/scheduler/swapSpaceBytesPerGpu").asDouble(), 1.0);
        assertEquals(63e9, root.at("/scheduler/hostLinkBytesPerSecondPerGpu").asDouble(), 1.0);
        CliRun bad = CliRun.of("simulate", CHAT, "--preemption", "evict");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--preemption"), bad.err());
        CliRun negative = CliRun.of("simulate", CHAT, "--preemption", "swap", "--swap-space-gib", "-1");
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("--swap-space-gib"), negative.err());
    }

    /** Arrivals within 3 hours either side of {@code hour} in a requests CSV of a one-day run. */
    private static long arrivalsNearHour(List<String> lines, double hour) {
        return lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1]) / 3600).filter(h -> {
            double d = Math.abs(h - hour) % 24;
            return Math.min(d, 24 - d) < 3;
        }).count();
    }

    @Test
    void diurnalArrivalsFollowTheDaysCurveAroundTheAverage() throws IOException {
        Path requests = temp.resolve("day.csv");
        // The chat sample's peakToAverageRatio is 3: the default peak.
        CliRun day = CliRun.of("simulate", CHAT, "--arrival", "diurnal", "--rate", "0.05", "--peak-hour", "12", "--duration", "86400",
                "--json", "--requests-csv", requests.toString());
        assertEquals(0, day.exitCode(), day.err());
        JsonNode root = JsonSupport.mapper().readTree(day.out());
        assertTrue(root.at("/load").asText().contains("peak 3.00 x the average at hour 12.00"), root.at("/load").asText());
        List<String> lines = Files.readAllLines(requests);
        // 0.05 requests/s on average over a day: 4,320 arrivals, Poisson (sd 66).
        assertEquals(4320, lines.size() - 1, 300);
        long peak = arrivalsNearHour(lines, 12);
        long trough = arrivalsNearHour(lines, 0);
        // At ratio 3 the 6 hours round the peak carry some 25 times the 6 round the trough; at ratio 2 about 5.
        assertTrue(peak > 10 * trough, peak + " near the peak, " + trough + " near the trough");
        // Without --duration a diurnal run lasts the day its curve describes.
        CliRun flatter = CliRun.of("simulate", CHAT, "--arrival", "diurnal", "--rate", "0.05", "--peak-hour", "12",
                "--peak-to-average", "1.5", "--requests-csv", requests.toString());
        assertTrue(flatter.out().contains("for 86400 s from hour 0"), flatter.out());
        assertEquals(0, flatter.exitCode(), flatter.err());
        List<String> flat = Files.readAllLines(requests);
        long flatPeak = arrivalsNearHour(flat, 12);
        long flatTrough = arrivalsNearHour(flat, 0);
        assertTrue(flatPeak > 1.5 * flatTrough && flatPeak < 4 * flatTrough, flatPeak + " near the peak, " + flatTrough + " near the trough");

        CliRun ratio = CliRun.of("simulate", CHAT, "--arrival", "diurnal", "--peak-to-average", "0.5");
        assertEquals(2, ratio.exitCode());
        assertEquals("error: --peak-to-average: must be from 1 to 100 (times the average rate), was 0.5", ratio.err().strip());
        CliRun hour = CliRun.of("simulate", CHAT, "--arrival", "diurnal", "--peak-hour", "25");
        assertEquals(2, hour.exitCode());
        assertEquals("error: --peak-hour: must be from 0 to 24 (hours from the run's start), was 25.0", hour.err().strip());
        CliRun notDiurnal = CliRun.of("simulate", CHAT, "--peak-hour", "3");
        assertEquals(2, notDiurnal.exitCode());
        assertEquals("error: --peak-hour: applies to --arrival diurnal only", notDiurnal.err().strip());
        CliRun kind = CliRun.of("simulate", CHAT, "--arrival", "weekly");
        assertEquals(2, kind.exitCode());
        assertEquals("error: --arrival: must be poisson, constant, gamma or diurnal, was 'weekly'", kind.err().strip());
    }

    @Test
    void badInputIsOneLineNamingTheRowOrField() throws IOException {
        Path trace = temp.resolve("t.csv");
        Files.writeString(trace, "arrival_s,input_tokens,output_tokens\n1,10,10\n0.5,10,10\n");
        CliRun unsorted = CliRun.of("simulate", CHAT, "--trace", trace.toString());
        assertEquals(2, unsorted.exitCode());
        assertTrue(unsorted.err().startsWith("error: t.csv row 3 arrival_s: rows must be sorted"), unsorted.err());
        Files.writeString(trace, "arrival_s,input_tokens,output_tokens\n0,10,0\n");
        assertTrue(CliRun.of("simulate", CHAT, "--trace", trace.toString()).err().startsWith("error: t.csv row 2 output_tokens"));
        CliRun rate = CliRun.of("simulate", CHAT, "--rate", "0");
        assertEquals(2, rate.exitCode());
        assertEquals("error: --rate: must be greater than 0 requests per second, was 0.0", rate.err().strip());
    }

    @Test
    void casesWithLoadAndSloRows() throws IOException {
        Path cases = temp.resolve("cases.csv");
        Path out = temp.resolve("out.csv");
        Files.writeString(cases, """
                case,model,accelerator,gpus,tensor_parallel,weight_precision,input_tokens,output_tokens,serving_stack,scenario,requests_per_second,num_requests,arrival,max_p99_ttft_ms,max_p99_tpot_ms
                a,Llama-3.1-8B,H100-SXM-80GB,1,1,bf16,467,256,tensorrt-llm,load,4,500,poisson,,
                b,Llama-3.1-8B,H100-SXM-80GB,2,1,bf16,467,256,vllm,load,8,,gamma,,
                c,Llama-3.1-8B,H100-SXM-80GB,1,1,bf16,467,256,vllm,slo,,,,500,20
                d,Llama-3.1-8B,H100-SXM-80GB,1,1,bf16,467,256,vllm,load,-1,,,,
                """);
        CliRun run = CliRun.of("estimate", "--cases", cases.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        var table = CaseTable.read(out);
        var a = table.rows().get(0);
        assertTrue(Double.parseDouble(a.get("predicted_mean_ttft_ms")) > 0);
        assertTrue(Double.parseDouble(a.get("predicted_p99_ttft_ms")) >= Double.parseDouble(a.get("predicted_p50_ttft_ms")));
        assertEquals("steady", a.get("predicted_load_state"));
        var b = table.rows().get(1);
        // Two replicas share 8 requests/s: the row serves all of them.
        assertEquals(8, Double.parseDouble(b.get("predicted_requests_per_s")), 0.8);
        var c = table.rows().get(2);
        assertEquals("capacity", c.get("predicted_load_state"));
        assertTrue(Double.parseDouble(c.get("predicted_p99_tpot_ms")) <= 20);
        assertTrue(Double.parseDouble(c.get("predicted_requests_per_s")) > 1);
        assertTrue(table.rows().get(3).get("error").startsWith("requests_per_second: must be greater than 0"), table.rows().get(3).get("error"));
    }
}
