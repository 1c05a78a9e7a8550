package io.inferplan.app.workspace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferplan.cli.text.BoundedText;
import io.inferplan.engine.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** Import and export of single scenarios as JSON files (the same format as the samples and the command line). */
public final class ScenarioFiles {
    private ScenarioFiles() {
    }

    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The scenario's name (from the document, or the file name) and its document as read. A file that is not one
     * JSON object is refused with the parser's reason and its line, so an import of it creates nothing.
     */
    public static Map.Entry<String, String> read(Path file) throws IOException {
        String json;
        try {
            json = BoundedText.read(file, BoundedText.DOCUMENT_MAX_BYTES);
        } catch (InvalidInputException e) {
            throw new IOException(e.reason(), e);
        }
        JsonNode document;
        try {
            document = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new IOException("not valid JSON" + (where == null ? "" : " at line " + where.getLineNr() + ", column "
                    + where.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        }
        if (document == null || !document.isObject()) {
            throw new IOException("not a scenario: the file must hold one JSON object ({ ... })");
        }
        return Map.entry(SampleLibrary.nameOf(json, file.getFileName().toString()), json);
    }

    /** Writes atomically: a crash mid-write leaves the old file, never half a scenario. */
    public static void write(Path file, String json) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, json, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
