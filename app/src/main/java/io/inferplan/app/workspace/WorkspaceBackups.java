package io.inferplan.app.workspace;

import io.inferplan.catalog.store.H2Files;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Copies of the workspace taken at each start, once it has opened cleanly (so a copy is always a good file),
 * newest {@value #KEPT} kept in {@code backups/} beside it. A damaged workspace is restored from the newest.
 */
final class WorkspaceBackups {
    static final int KEPT = 5;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private final Path directory;

    WorkspaceBackups(Path dataDirectory) {
        this.directory = dataDirectory.resolve("backups");
    }

    Path directory() {
        return directory;
    }

    /**
     * Keeps a copy of {@code workspaceFile} (a cleanly closed store at {@code generation}, which the name records)
     * and drops the oldest beyond {@value #KEPT}.
     */
    void keep(Path workspaceFile, Instant now, long generation) throws IOException {
        Files.createDirectories(directory);
        Path copy = directory.resolve(WorkspaceDatabase.FILE_NAME + "-" + STAMP.format(now) + "-g" + generation + ".mv.db");
        Path partial = directory.resolve(copy.getFileName() + ".part");
        // Copied under another name first: a kill during the copy never leaves a half file that looks like a backup.
        Files.copy(workspaceFile, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        H2Files.keepPrivate(directory, WorkspaceDatabase.FILE_NAME);
        List<Path> all = list();
        for (Path old : all.subList(Math.min(KEPT, all.size()), all.size())) {
            Files.deleteIfExists(old);
        }
    }

    /** The backups, newest first. */
    List<Path> list() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = Files.list(directory)) {
            // The stamp sorts as time: the name is enough, no file times needed.
            return files.filter(f -> f.getFileName().toString().matches(WorkspaceDatabase.FILE_NAME + "-\\d{8}-\\d{6}-\\d{3}-g\\d+\\.mv\\.db"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .toList();
        }
    }

    Optional<Path> newest() throws IOException {
        return list().stream().findFirst();
    }

    /** The workspace generation a backup holds, from its name. */
    static long generationOf(Path backup) {
        String name = backup.getFileName().toString();
        return Long.parseLong(name.substring(name.lastIndexOf("-g") + 2, name.length() - ".mv.db".length()));
    }
}
