package io.inferplan.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import reads one JSON object or refuses the file with the parser's reason and line. */
class ScenarioFilesTest {
    @TempDir
    Path directory;

    @Test
    void aMissingBraceIsRefusedWithItsLine() throws Exception {
        Path file = directory.resolve("broken.json");
        Files.writeString(file, "{\n  \"schemaVersion\": 1,\n  \"name\": \"Broken\"\n  \"workload\": {}\n}\n");
        IOException refused = assertThrows(IOException.class, () -> ScenarioFiles.read(file));
        assertTrue(refused.getMessage().startsWith("not valid JSON at line 4, column 3: Unexpected character"), refused.getMessage());
    }

    @Test
    void trailingTextAndNonObjectsAreRefused() throws Exception {
        Path trailing = directory.resolve("trailing.json");
        Files.writeString(trailing, "{\"schemaVersion\": 1} }");
        assertTrue(assertThrows(IOException.class, () -> ScenarioFiles.read(trailing)).getMessage().startsWith("not valid JSON at line 1"));
        Path array = directory.resolve("array.json");
        Files.writeString(array, "[1, 2]");
        assertTrue(assertThrows(IOException.class, () -> ScenarioFiles.read(array)).getMessage().startsWith("not a scenario"));
    }

    @Test
    void aGoodFileKeepsItsName() throws Exception {
        Path file = directory.resolve("good.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"name\": \"Mine\"}");
        assertEquals("Mine", ScenarioFiles.read(file).getKey());
    }
}
