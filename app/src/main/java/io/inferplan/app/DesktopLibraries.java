package io.inferplan.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Checks, before JavaFX starts, that the system libraries its Linux window toolkit loads are installed. Without
 * GTK 3, JavaFX ends in an "Unable to load glass GTK library" stack trace that tells a user nothing; this says what
 * is missing and how to install it.
 */
final class DesktopLibraries {
    /** The soname JavaFX's glass toolkit opens on Linux. */
    static final String GTK3 = "libgtk-3.so.0";

    private static final List<String> STANDARD_DIRECTORIES = List.of(
            "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu",
            "/usr/lib64", "/lib64", "/usr/lib", "/lib", "/usr/local/lib", "/run/current-system/sw/lib");
    private static final List<String> LDCONFIG = List.of("/sbin/ldconfig", "/usr/sbin/ldconfig", "/usr/bin/ldconfig");

    private DesktopLibraries() {
    }

    /** The one-line message to print when GTK 3 is missing on this Linux machine; empty when the window can start. */
    static Optional<String> missingToolkit(String osName, String glassPlatform) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux") || isHeadless(glassPlatform)) {
            return Optional.empty();
        }
        List<Path> directories = new ArrayList<>();
        for (String entry : splitPath(System.getenv("LD_LIBRARY_PATH"))) {
            directories.add(Path.of(entry));
        }
        directories.addAll(configuredDirectories(Path.of("/etc/ld.so.conf.d")));
        STANDARD_DIRECTORIES.forEach(d -> directories.add(Path.of(d)));
        boolean present = isInstalled(GTK3, directories, DesktopLibraries::ldconfigListing);
        return present ? Optional.empty() : Optional.of(message());
    }

    static boolean isHeadless(String glassPlatform) {
        return "Headless".equalsIgnoreCase(glassPlatform) || "Monocle".equalsIgnoreCase(glassPlatform);
    }

    /**
     * Whether {@code soname} is in one of the directories or, failing that, in the dynamic linker's cache. When the
     * cache cannot be read either (no ldconfig), the answer is yes: better to let JavaFX try than to refuse a machine
     * laid out in a way this check does not know.
     */
    static boolean isInstalled(String soname, List<Path> directories, LinkerCache cache) {
        for (Path directory : directories) {
            if (Files.exists(directory.resolve(soname))) {
                return true;
            }
        }
        Optional<String> listing = cache.listing();
        return listing.isEmpty() || listing.get().contains(soname);
    }

    static String message() {
        return "InferPlan's window needs GTK 3 (" + GTK3 + "), which is not installed on this machine. Install it with "
                + "`sudo apt-get install libgtk-3-0` (Debian, Ubuntu), `sudo dnf install gtk3` (Fedora, RHEL) or "
                + "`sudo zypper install libgtk-3-0` (openSUSE), then start InferPlan again. "
                + "The command line works without it: inferplan --help";
    }

    /** The dynamic linker's cache as {@code ldconfig -p} prints it. */
    @FunctionalInterface
    interface LinkerCache {
        Optional<String> listing();
    }

    private static Optional<String> ldconfigListing() {
        for (String ldconfig : LDCONFIG) {
            if (!Files.isExecutable(Path.of(ldconfig))) {
                continue;
            }
            try {
                Process process = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
                try (InputStream out = process.getInputStream()) {
                    String listing = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                    if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0) {
                        return Optional.of(listing);
                    }
                }
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The directories named in the linker's configuration snippets (multiarch and vendor paths). */
    static List<Path> configuredDirectories(Path confDirectory) {
        List<Path> directories = new ArrayList<>();
        if (!Files.isDirectory(confDirectory)) {
            return directories;
        }
        try (Stream<Path> files = Files.list(confDirectory)) {
            for (Path conf : files.filter(f -> f.toString().endsWith(".conf")).sorted().toList()) {
                for (String line : Files.readAllLines(conf, StandardCharsets.UTF_8)) {
                    String trimmed = line.strip();
                    if (trimmed.startsWith("/")) {
                        directories.add(Path.of(trimmed));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable snippet only narrows the search; the linker cache and standard paths remain.
        }
        return directories;
    }

    private static List<String> splitPath(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Stream.of(value.split(":")).filter(s -> !s.isBlank()).toList();
    }
}
