package io.inferplan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing replaces a file only with a complete one, and says which path failed and why. */
class ReportFilesTest {
    @TempDir
    Path temp;

    @Test
    void aFailedRenderingLeavesTheOldFileAndNoTemporaryOne() throws IOException {
        Path target = temp.resolve("report.pdf");
        Files.writeString(target, "the old report");
        assertThrows(ReportWriteException.class, () -> ReportFiles.write(target, out -> {
            out.write("half a new report".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("the old report", Files.readString(target));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(1, files.count(), "the temporary file is removed");
        }
    }

    @Test
    void aCompleteRenderingReplacesTheOldFile() throws IOException {
        Path target = temp.resolve("report.html");
        Files.writeString(target, "old");
        ReportFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
    }

    @Test
    void aNewReportIsReadableByOthersAsADocumentIs() throws IOException {
        Path target = temp.resolve("new.pdf");
        ReportFiles.write(target, out -> out.write(1));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aFolderIsNotAFile() {
        var e = assertThrows(ReportWriteException.class, () -> ReportFiles.write(temp, out -> { }));
        assertTrue(e.getMessage().contains(temp.toString()) && e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void aMissingFolderIsNamed() throws IOException {
        Path file = Files.writeString(temp.resolve("plain.txt"), "x");
        var e = assertThrows(ReportWriteException.class, () -> ReportFiles.write(file.resolve("report.pdf"), out -> { }));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aFolderWithoutWritePermissionIsNamed() throws IOException {
        Path locked = Files.createDirectory(temp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "running as root: permissions do not stop writing");
            var e = assertThrows(ReportWriteException.class, () -> ReportFiles.write(locked.resolve("report.pdf"), out -> { }));
            assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void anUnknownExtensionIsRefusedBeforeAnythingIsWritten() {
        var e = assertThrows(ReportWriteException.class, () -> Reports.write(null, temp.resolve("report.docx"), PaperSize.A4));
        assertTrue(e.getMessage().contains(".pdf or .html"), e.getMessage());
    }
}
