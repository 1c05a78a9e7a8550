package io.inferplan.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a report file so that an existing one is replaced only by a complete new one: into a temporary file in the
 * same folder, then moved over the target in one step. A failure leaves the old file as it was and no temporary
 * file behind.
 */
public final class ReportFiles {
    /** What writes the file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private ReportFiles() {
    }

    /** @throws ReportWriteException naming {@code target} and the reason */
    public static void write(Path target, Content content) {
        refuseFolder(target);
        Path file = target.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ReportWriteException(target + ": cannot be written: the folder " + folder + " does not exist");
        }
        Path temporary;
        try {
            temporary = Files.createTempFile(folder, "." + file.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new ReportWriteException(target + ": cannot be written: " + reason(e, folder), e);
        }
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            permissionsOfADocument(temporary, file);
            move(temporary, file);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new ReportWriteException(target + ": cannot be written: " + reason(e, file), e);
        } catch (RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    /**
     * A temporary file is private (0600); the report is a document to pass on: the permissions of the file it
     * replaces, else rw-r--r--, as an editor would leave it.
     */
    private static void permissionsOfADocument(Path temporary, Path file) throws IOException {
        if (!Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            return;
        }
        var permissions = Files.exists(file) ? Files.getPosixFilePermissions(file)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temporary, permissions);
    }

    /** @throws ReportWriteException when {@code target} is a folder (said before any other complaint about its name) */
    public static void refuseFolder(Path target) {
        if (Files.isDirectory(target)) {
            throw new ReportWriteException(target + ": is a folder; give a file name such as report.pdf");
        }
    }

    private static void move(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // A file system without atomic renames: still one move, and the old file stays until it is done.
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String reason(IOException e, Path where) {
        if (e instanceof AccessDeniedException) {
            return "permission denied in " + (Files.isDirectory(where) ? where : where.getParent());
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // Nothing more to do: the target is untouched either way.
        }
    }
}
