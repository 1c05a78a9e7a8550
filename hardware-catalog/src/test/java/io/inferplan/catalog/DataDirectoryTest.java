package io.inferplan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data directory follows $HOME and XDG_DATA_HOME as desktop users expect, not only Java's user.home. */
class DataDirectoryTest {
    private static final Map<String, String> LINUX = Map.of("os.name", "Linux", "user.home", "/home/passwd-entry");

    @Test
    void homeFromTheEnvironmentWinsOverUserHome() {
        assertEquals(Path.of("/tmp/sandbox/.local/share/inferplan"),
                DataDirectory.resolve(Map.of("HOME", "/tmp/sandbox")::get, LINUX::get));
    }

    @Test
    void xdgDataHomeWinsWhenAbsoluteAndIsIgnoredWhenRelative() {
        assertEquals(Path.of("/data/xdg/inferplan"),
                DataDirectory.resolve(Map.of("HOME", "/tmp/sandbox", "XDG_DATA_HOME", "/data/xdg")::get, LINUX::get));
        assertEquals(Path.of("/tmp/sandbox/.local/share/inferplan"),
                DataDirectory.resolve(Map.of("HOME", "/tmp/sandbox", "XDG_DATA_HOME", "relative/dir")::get, LINUX::get));
    }

    @Test
    void withoutHomeUserHomeIsUsedAndTheOverrideBeatsEverything() {
        assertEquals(Path.of("/home/passwd-entry/.local/share/inferplan"), DataDirectory.resolve(Map.<String, String>of()::get, LINUX::get));
        assertEquals(Path.of("/somewhere"),
                DataDirectory.resolve(Map.of("INFERPLAN_HOME", "/somewhere", "HOME", "/tmp/sandbox")::get, LINUX::get));
    }
}
