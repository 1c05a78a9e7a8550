package io.inferplan.cli.text;

import io.inferplan.engine.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a user's text file with a ceiling on its size, so that a 3 GB file or /dev/zero ends in one line saying so
 * instead of an OutOfMemoryError. The ceiling is checked while reading: devices and pipes report no size up front.
 */
public final class BoundedText {
    /** Scenario, model and catalog files are a few kilobytes; 16 MiB is generous. */
    public static final long DOCUMENT_MAX_BYTES = 16L << 20;
    /** A cases CSV of about 300,000 rows. */
    public static final long TABLE_MAX_BYTES = 64L << 20;

    private BoundedText() {
    }

    /**
     * The file's UTF-8 text.
     *
     * @throws InvalidInputException naming the file when it is larger than {@code maxBytes}
     * @throws CharacterCodingException when it is not UTF-8
     */
    public static String read(Path file, long maxBytes) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
            throw tooLarge(file, maxBytes, Files.size(file));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (bytes.size() + (long) n > maxBytes) {
                    throw tooLarge(file, maxBytes, -1);
                }
                bytes.write(buffer, 0, n);
            }
        }
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    }

    private static InvalidInputException tooLarge(Path file, long maxBytes, long size) {
        String actual = size < 0 ? "more than that" : String.format(Locale.ROOT, "%.1f MB", size / 1e6);
        return new InvalidInputException(file.toString(), String.format(Locale.ROOT,
                "is too large to read: files of up to %d MB are read, this one has %s", maxBytes >> 20, actual));
    }
}
