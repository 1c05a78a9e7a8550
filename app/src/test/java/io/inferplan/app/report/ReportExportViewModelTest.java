package io.inferplan.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.evaluation.AnalysisFixture;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.report.PaperSize;
import io.inferplan.report.Reports;
import io.inferplan.samples.SampleScenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File ▸ Export report...'s work without a window: the file written, or one line saying why not. */
class ReportExportViewModelTest {
    @TempDir
    Path temp;

    private final AnalysisFixture fixture = new AnalysisFixture();
    private final ReportExportViewModel model = new ReportExportViewModel(new Reports(fixture.analyzer, fixture.inputs::catalog,
            fixture.inputs::ownUsdPerGpuHour), TaskRunner.sameThread(), Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

    private static String chat() {
        return SampleScenarios.json(SampleScenarios.find("consumer-chat-h100.json").orElseThrow());
    }

    @Test
    void writesTheReportAndSaysWhere() throws IOException {
        Path target = temp.resolve("chat.html");
        List<String> told = new ArrayList<>();
        model.export(new ReportExportViewModel.Request(List.of(chat()), target, PaperSize.LETTER), told::add);
        assertEquals(List.of("Report written to " + target), told);
        assertFalse(model.runningProperty().get());
        assertTrue(Files.readString(target).contains("<svg"));
    }

    @Test
    void aFolderAsTargetIsRefusedWithItsPath() {
        List<String> told = new ArrayList<>();
        model.export(new ReportExportViewModel.Request(List.of(chat()), temp, PaperSize.A4), told::add);
        assertEquals(1, told.size());
        assertTrue(told.getFirst().startsWith("Could not write the report: " + temp) && told.getFirst().contains("is a folder"),
                told.getFirst());
    }

    @Test
    void nothingToReportOnSaysSo() {
        List<String> told = new ArrayList<>();
        model.export(new ReportExportViewModel.Request(List.of(), temp.resolve("x.pdf"), PaperSize.A4), told::add);
        assertTrue(told.getFirst().startsWith("No scenario to report on"), told.getFirst());
    }
}
