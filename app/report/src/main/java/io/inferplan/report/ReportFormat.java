package io.inferplan.report;

import java.nio.file.Path;
import java.util.Locale;

/** PDF or self-contained HTML, told apart by the file name's extension. */
public enum ReportFormat {
    PDF, HTML;

    /** By the extension: .html or .htm is HTML, .pdf is PDF; null for any other. */
    public static ReportFormat of(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (text.endsWith(".pdf")) {
            return PDF;
        }
        if (text.endsWith(".html") || text.endsWith(".htm")) {
            return HTML;
        }
        return null;
    }
}
