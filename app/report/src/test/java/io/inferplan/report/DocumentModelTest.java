package io.inferplan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.report.document.Block;
import io.inferplan.report.document.ReportDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document's content, checked before any rendering: inputs, hardware sources, error bands, the uncertainty fan. */
class DocumentModelTest {
    private static List<List<String>> rows(ReportDocument document, String section, int table) {
        return document.section(section).orElseThrow().blocks().stream().filter(b -> b instanceof Block.Table)
                .map(b -> ((Block.Table) b).rows()).toList().get(table);
    }

    @Test
    void theSummarySaysTheFleetTheSimulatorSizesForTheTargets() throws Exception {
        String text = ReportFixtures.text(ReportFixtures.pdf(ReportFixtures.document(ReportFixtures.sample(ReportFixtures.CHAT)),
                PaperSize.A4)).replaceAll("\\s+", " ");
        assertTrue(text.contains("Sized by the serving simulator to meet the latency targets at p99, the fleet is "), text);
    }

    @Test
    void aScenarioWithRoutesLeadsWithTheRoutedServiceAndSaysTheRestIsTheBaseline() throws Exception {
        String text = ReportFixtures.text(ReportFixtures.pdf(ReportFixtures.document(ReportFixtures.sample("consumer-assistant-router.json")),
                PaperSize.A4)).replaceAll("\\s+", " ");
        assertTrue(text.contains("With its 2 routes the service runs on "), text);
        assertTrue(text.contains("Unrouted baseline, all traffic on the top-level deployment: Serving "), text);
        assertTrue(text.contains("Cost and margin by route") && text.contains("small 85%") && text.contains("frontier 15%"), text);
        assertTrue(text.indexOf("Cost and margin by route") < text.indexOf("Key figures"), "the routes come before the baseline's figures");
    }

    @Test
    void listsEveryInputWithItsUnit() {
        ReportDocument document = ReportFixtures.document(ReportFixtures.sample(ReportFixtures.CHAT));
        List<List<String>> inputs = rows(document, "Inputs", 0);
        assertTrue(inputs.contains(List.of("workload.averageRequestsPerSecond", "50 requests/s")), inputs.toString());
        assertTrue(inputs.contains(List.of("cost.usdPerGpuHour", "$2.99 per GPU-hour")), inputs.toString());
        assertTrue(inputs.contains(List.of("pricing.tiers[paid].trafficShare", "40.0%")), inputs.toString());
        assertTrue(inputs.contains(List.of("workload.latency.maxTimeToFirstTokenSeconds", "1.50 s")), inputs.toString());
    }

    @Test
    void statesEachHardwareFigureWithItsSourceAndDate() {
        ReportDocument document = ReportFixtures.document(ReportFixtures.sample(ReportFixtures.CHAT));
        List<List<String>> figures = rows(document, "Hardware", 0);
        List<String> memory = figures.stream().filter(r -> r.getFirst().equals("memoryGB")).findFirst().orElseThrow();
        assertEquals("80 GB", memory.get(1));
        assertTrue(memory.get(2).matches(".*\\(\\d{4}(-\\d{2}){0,2}\\).*"), "a source with its date: " + memory);
    }

    @Test
    void givesEachErrorBandWithWhatItRestsOn() {
        ReportDocument document = ReportFixtures.document(ReportFixtures.sample(ReportFixtures.CHAT));
        List<List<String>> bands = rows(document, "Error bands", 0);
        assertEquals(List.of("Throughput", "Time to first token (TTFT)", "Time per output token (TPOT)", "Simulated capacity per replica"),
                bands.stream().map(List::getFirst).toList());
        bands.forEach(row -> assertTrue(row.get(1).matches("±\\d+%") && !row.get(2).isBlank(), row.toString()));
    }

    @Test
    void aScenarioWithDistributionsGetsTheUncertaintyFan() {
        String json = ReportFixtures.sample(ReportFixtures.CHAT).replace("\"usdPerGpuHour\": 2.99",
                "\"usdPerGpuHour\": {\"distribution\": \"triangular\", \"min\": 2.5, \"mode\": 2.99, \"max\": 3.6}");
        ReportDocument document = ReportFixtures.document(json);
        assertTrue(document.charts().stream().anyMatch(c -> c.title().equals("Operating profit per month")),
                document.charts().stream().map(Block.Chart::title).toList().toString());
        assertTrue(rows(document, "Inputs", 0).contains(List.of("cost.usdPerGpuHour",
                "triangular: min $2.50 per GPU-hour, mode $2.99 per GPU-hour, max $3.60 per GPU-hour")), rows(document, "Inputs", 0).toString());
        assertTrue(rows(document, "Error bands", 1).stream().anyMatch(r -> r.getFirst().equals("Chance of breaking even")));
    }

    @Test
    void withoutLatencyTargetsThereIsNoLatencyCurve() {
        ReportDocument document = ReportFixtures.document(ReportFixtures.sample("batch-summariser-spot.json"));
        assertTrue(document.charts().stream().noneMatch(c -> c.title().equals("Time to first token")));
    }
}
