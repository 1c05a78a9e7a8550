package io.inferplan.analysis.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The analysis module prints on a headless server: no JavaFX, no desktop app, and records that know no chart. */
class AnalysisArchitectureTest {
    private final JavaClasses analysis = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.inferplan.analysis");

    @Test
    void knowsNoWindowAndNoDesktopApp() {
        assertFalse(analysis.isEmpty(), "no analysis classes found to check");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "io.inferplan.app..")
                .because("the report draws these charts where no JavaFX is installed")
                .check(analysis);
    }

    @Test
    void theAnalyzerKnowsNoChart() {
        noClasses().that().resideInAPackage("io.inferplan.analysis")
                .should().dependOnClassesThat().resideInAPackage("io.inferplan.analysis.charts..")
                .because("the sweeps and their results are data the charts draw, not drawings")
                .check(analysis);
    }
}
