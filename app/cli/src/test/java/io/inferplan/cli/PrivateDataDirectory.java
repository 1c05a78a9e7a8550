package io.inferplan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh InferPlan data directory for each test ({@code inferplan.home}), so that the commands under test read and
 * write a catalog store of their own and no entry or profile run of another test, or of the machine's user, takes
 * part. The previous setting comes back afterwards.
 */
final class PrivateDataDirectory implements BeforeEachCallback, AfterEachCallback {
    private static final String PROPERTY = "inferplan.home";
    private Path home;
    private String previous;

    Path home() {
        return home;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        home = Files.createTempDirectory("inferplan-test-home");
        previous = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, home.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (previous == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, previous);
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
