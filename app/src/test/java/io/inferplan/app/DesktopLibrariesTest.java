package io.inferplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopLibrariesTest {
    @TempDir
    Path dir;

    @Test
    void aLibraryInOneOfTheDirectoriesIsInstalled() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve(DesktopLibraries.GTK3), "");
        assertTrue(DesktopLibraries.isInstalled(DesktopLibraries.GTK3, List.of(dir.resolve("none"), lib), () -> Optional.of("")));
    }

    @Test
    void missingFromTheDirectoriesAndTheLinkerCacheIsMissing() {
        String listing = "\t2 libs found in cache `/etc/ld.so.cache'\n\tlibc.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libc.so.6\n";
        assertFalse(DesktopLibraries.isInstalled(DesktopLibraries.GTK3, List.of(dir), () -> Optional.of(listing)));
        assertTrue(DesktopLibraries.isInstalled(DesktopLibraries.GTK3, List.of(dir),
                () -> Optional.of(listing + "\tlibgtk-3.so.0 (libc6,x86-64) => /opt/gtk/libgtk-3.so.0\n")));
    }

    @Test
    void anUnreadableLinkerCacheLetsJavaFxTry() {
        assertTrue(DesktopLibraries.isInstalled(DesktopLibraries.GTK3, List.of(dir), Optional::empty));
    }

    @Test
    void otherSystemsAndTheHeadlessPlatformNeedNoGtk() {
        assertEquals(Optional.empty(), DesktopLibraries.missingToolkit("Windows 11", ""));
        assertEquals(Optional.empty(), DesktopLibraries.missingToolkit("Mac OS X", ""));
        assertEquals(Optional.empty(), DesktopLibraries.missingToolkit("Linux", "Headless"));
    }

    @Test
    void theMessageNamesTheLibraryAndTheInstallCommands() {
        String message = DesktopLibraries.message();
        assertFalse(message.contains("\n"));
        assertTrue(message.contains("libgtk-3.so.0"));
        assertTrue(message.contains("apt-get install libgtk-3-0"));
        assertTrue(message.contains("dnf install gtk3"));
    }

    @Test
    void linkerConfigurationSnippetsAddTheirDirectories() throws Exception {
        Path conf = Files.createDirectories(dir.resolve("ld.so.conf.d"));
        Files.writeString(conf.resolve("x86_64-linux-gnu.conf"), "# Multiarch support\n/usr/local/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu\n");
        Files.writeString(conf.resolve("README"), "/not/this\n");
        assertEquals(List.of(Path.of("/usr/local/lib/x86_64-linux-gnu"), Path.of("/lib/x86_64-linux-gnu")),
                DesktopLibraries.configuredDirectories(conf));
    }
}
