package io.inferplan.engine;

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

/** The engine is the pure core: it must never reach for the UI, storage or the catalog module. */
class EngineIndependenceTest {

    private static final Set<String> ALLOWED_MODULES = Set.of("java.base", "com.fasterxml.jackson.databind");

    private final JavaClasses engineClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.inferplan.engine");

    @Test
    void engineImportsNoUiStorageOrCatalogCode() {
        assertFalse(engineClasses.isEmpty(), "no engine classes found to check");
        noClasses().that().resideInAPackage("io.inferplan.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.controlsfx..", "org.jfree..", "java.awt..", "javax.swing..",
                        "java.sql..", "javax.sql..", "org.h2..", "org.flywaydb..",
                        "io.inferplan.catalog..", "io.inferplan.app..")
                .because("model-engine stays free of JavaFX, storage and the catalog")
                .check(engineClasses);
    }

    @Test
    void moduleDescriptorRequiresOnlyAllowedModules() throws IOException {
        Path moduleInfo = Path.of(URI.create(EngineInfo.class.getProtectionDomain().getCodeSource().getLocation().toString()))
                .resolve("module-info.class");
        try (InputStream in = Files.newInputStream(moduleInfo)) {
            ModuleDescriptor descriptor = ModuleDescriptor.read(in);
            Set<String> required = new TreeSet<>();
            descriptor.requires().forEach(r -> required.add(r.name()));
            required.removeAll(ALLOWED_MODULES);
            assertEquals(Set.of(), required, "model-engine requires modules it must not depend on");
        }
    }
}
