package io.inferplan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `inferplan report` through picocli, as the command line runs it (the command found as a plugged service). */
class ReportCommandTest {
    @TempDir
    Path temp;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        var cli = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String sample(String file) {
        return ReportFixtures.SAMPLES.resolve(file).toString();
    }

    @Test
    void writesAComparisonAsHtmlOnLetter() throws IOException {
        Path out = temp.resolve("report.html");
        Run run = run("report", sample(ReportFixtures.CHAT), "--compare", sample(ReportFixtures.ONPREM), "--out", out.toString(),
                "--paper", "letter");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote " + out), run.out());
        String html = Files.readString(out);
        assertTrue(html.contains("Side by side") && html.contains("size: letter"));
    }

    @Test
    void writesAPdf() throws IOException {
        Path out = temp.resolve("chat.pdf");
        Run run = run("report", sample(ReportFixtures.CHAT), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertTrue(doc.getNumberOfPages() > 3);
        }
    }

    @Test
    void anUnwritablePathIsOneLineNamingItWithoutAStackTrace() throws IOException {
        Path blocker = Files.writeString(temp.resolve("not-a-folder"), "x");
        Path target = blocker.resolve("report.pdf");
        Run run = run("report", sample(ReportFixtures.CHAT), "--out", target.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: " + target), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aBadScenarioIsAnInputError() throws IOException {
        Path bad = Files.writeString(temp.resolve("bad.json"), "{\"schemaVersion\": 1, \"name\": 3");
        Run run = run("report", bad.toString(), "--out", temp.resolve("x.pdf").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("bad.json"), run.err());
        assertFalse(Files.exists(temp.resolve("x.pdf")));
    }

    @Test
    void aPaperSizeOtherThanA4OrLetterIsRefused() {
        Run run = run("report", sample(ReportFixtures.CHAT), "--paper", "a5", "--out", temp.resolve("x.pdf").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("a4 or letter"), run.err());
    }
}
