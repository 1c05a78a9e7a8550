package io.inferplan.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The desktop app's layering, checked on its classes: one package per page, pages that know neither each other
 * nor the window that shows them, an evaluation layer that knows no view, and no package cycles.
 */
class AppArchitectureTest {
    /** The pages of the main window, one package each. */
    static final List<String> PAGES = List.of("dashboard", "projection", "latency", "optimize", "sensitivity", "uncertainty", "compare", "catalog",
            "profile");

    private final JavaClasses app = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.inferplan.app");

    @Test
    void packagesAreFreeOfCycles() {
        assertFalse(app.isEmpty(), "no app classes found to check");
        slices().matching("io.inferplan.app.(*)..").should().beFreeOfCycles().check(app);
    }

    @Test
    void pagesDependNeitherOnEachOtherNorOnTheShell() {
        for (String page : PAGES) {
            String[] others = PAGES.stream().filter(p -> !p.equals(page)).map(p -> "io.inferplan.app." + p + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("io.inferplan.app." + page + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAPackage("io.inferplan.app.shell..")
                    .because("a page gets what it needs through its constructor, never from another page or the window")
                    .check(app);
        }
    }

    @Test
    void evaluationKnowsNoViewAndNoChart() {
        noClasses().that().resideInAPackage("io.inferplan.app.evaluation..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..",
                        "org.jfree..", "io.inferplan.app.charts..", "io.inferplan.analysis.charts..", "io.inferplan.app.shell..")
                .because("the sweeps and their results are data the charts draw, not views")
                .check(app);
    }

    @Test
    void viewModelsKnowNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..",
                        "org.jfree..", "io.inferplan.app.charts..", "io.inferplan.analysis.charts..")
                .because("a view model is state and actions, testable without a window")
                .check(app);
    }

    @Test
    void chartsDrawRecordsAndKnowNoPage() {
        String[] pages = PAGES.stream().map(p -> "io.inferplan.app." + p + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("io.inferplan.app.charts..")
                .should().dependOnClassesThat().resideInAnyPackage(pages)
                .orShould().dependOnClassesThat().resideInAPackage("io.inferplan.app.shell..")
                .check(app);
    }

    @Test
    void reportExportKnowsNoPageAndNoWindow() {
        String[] pages = PAGES.stream().map(p -> "io.inferplan.app." + p + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("io.inferplan.app.report..")
                .should().dependOnClassesThat().resideInAnyPackage(pages)
                .orShould().dependOnClassesThat().resideInAPackage("io.inferplan.app.shell..")
                .because("the shell hands it the documents to report on (the open scenario or the Compare page's selection)")
                .check(app);
    }
}
