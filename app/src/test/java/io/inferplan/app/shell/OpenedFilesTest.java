package io.inferplan.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenedFilesTest {
    @TempDir
    Path dir;

    @Test
    void onlyExistingJsonFilesAsTheOnlyArgumentsAreADesktopOpen() throws Exception {
        Path scenario = Files.writeString(dir.resolve("chat.inferplan.json"), "{}");
        assertTrue(OpenedFiles.areScenarioFiles(new String[] {scenario.toString()}));
        assertFalse(OpenedFiles.areScenarioFiles(new String[] {"evaluate", scenario.toString()}), "a command stays a command");
        assertFalse(OpenedFiles.areScenarioFiles(new String[] {dir.resolve("missing.json").toString()}));
        assertFalse(OpenedFiles.areScenarioFiles(new String[] {"--version"}));
        assertFalse(OpenedFiles.areScenarioFiles(new String[0]));

        OpenedFiles.remember(new String[] {scenario.toString()});
        assertEquals(1, OpenedFiles.take().size());
        assertTrue(OpenedFiles.take().isEmpty(), "handed out once");
    }
}
