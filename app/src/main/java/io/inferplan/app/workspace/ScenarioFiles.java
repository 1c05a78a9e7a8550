package io.inferplan.app.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Import and export of single scenarios as JSON files (the same format as the samples and the command line). */
public final class ScenarioFiles {
    private ScenarioFiles() {
    }

    /** The scenario's name (from the document, or the file name) and its document as read. */
    public static Map.Entry<String, String> read(Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        return Map.entry(SampleLibrary.nameOf(json, file.getFileName().toString()), json);
    }

    /** Writes atomically: a crash mid-write leaves the old file, never half a scenario. */
    public static void write(Path file, String json) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, json, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
