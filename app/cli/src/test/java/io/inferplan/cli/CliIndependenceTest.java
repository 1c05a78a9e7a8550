package io.inferplan.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The command line runs on a headless server: no JavaFX, ControlsFX, JFreeChart or desktop code, in its classes or its module. */
class CliIndependenceTest {

    private static final Set<String> ALLOWED_MODULES = Set.of("java.base", "io.inferplan.engine", "io.inferplan.catalog",
            "info.picocli", "com.fasterxml.jackson.databind", "com.fasterxml.jackson.dataformat.csv");

    private final JavaClasses cliClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.inferplan.cli");

    @Test
    void commandLineImportsNoUiCode() {
        assertFalse(cliClasses.isEmpty(), "no command-line classes found to check");
        noClasses().that().resideInAPackage("io.inferplan.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.controlsfx..", "org.jfree..", "java.awt..", "javax.swing..", "io.inferplan.app..")
                .because("the command line must run where no JavaFX is installed (a headless server)")
                .check(cliClasses);
    }

    @Test
    void moduleDescriptorRequiresOnlyAllowedModules() throws IOException {
        Path moduleInfo = Path.of(URI.create(Cli.class.getProtectionDomain().getCodeSource().getLocation().toString()))
                .resolve("module-info.class");
        try (InputStream in = Files.newInputStream(moduleInfo)) {
            ModuleDescriptor descriptor = ModuleDescriptor.read(in);
            Set<String> required = new TreeSet<>();
            descriptor.requires().forEach(r -> required.add(r.name()));
            required.removeAll(ALLOWED_MODULES);
            assertEquals(Set.of(), required, "the command-line module requires modules it must not depend on");
        }
    }
}
