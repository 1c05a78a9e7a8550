package io.inferplan.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.charts.ChartCard;
import io.inferplan.app.editor.FieldSpec;
import io.inferplan.app.dashboard.DashboardView;
import io.inferplan.app.shell.Page;
import io.inferplan.app.workspace.StoredScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The desktop app end to end, headless (JavaFX's Headless platform): the real window on a real workspace file in
 * a temporary folder, the real engine behind it.
 */
class DesktopAppTest extends FxRobot {
    @TempDir
    Path dataDirectory;

    @Test
    void opensOnTheFirstSampleWithEveryChartDrawn() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            DashboardView dashboard = app.window.dashboard();
            assertEquals("Consumer chat assistant on H100", app.context.session().scenario().name());
            assertTrue(app.context.scenarios().all().size() >= 8, "the samples are in a new workspace");
            assertTrue(kpi("#kpi-output-cost-value").startsWith("$"), "cost per million output tokens shown");
            assertTrue(kpi("#kpi-gpus-value").matches("\\d+"), "GPUs needed shown");
            for (ChartCard card : dashboard.charts()) {
                assertTrue(card.isShowingChart(), card.name() + " is drawn");
            }
        }
    }

    @Test
    void changingAFieldUpdatesKpisAndCharts() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            DashboardView dashboard = app.window.dashboard();
            String before = kpi("#kpi-output-cost-value");
            String gpusBefore = kpi("#kpi-gpus-value");
            JFreeChart breakEvenBefore = chart(dashboard, "Break-even");
            long drawn = dashboard.chartsDrawn();
            TextField output = lookup("#field-workload-outputTokens-mean").queryAs(TextField.class);
            // 700 stays below the sample's p90 of 900: the edited scenario is valid and evaluates.
            clickOn(output).eraseText(output.getText().length()).write("700");
            app.waitUntil(() -> dashboard.chartsDrawn() > drawn, "the charts to be redrawn after the edit");
            assertEquals(700.0, app.context.session().get("workload.outputTokens.mean").asDouble());
            // A redraw can also come from the catalog finishing loading after the first dashboard (same inputs, same
            // KPIs); on a loaded machine it lands after `drawn` was read, so wait for the edit's own result.
            app.waitUntil(() -> !kpi("#kpi-output-cost-value").equals(before) || !kpi("#kpi-gpus-value").equals(gpusBefore),
                    "the KPIs to follow the edit");
            assertEquals(null, app.context.evaluation().problemProperty().get(), "the edited scenario evaluates");
            assertTrue(!kpi("#kpi-output-cost-value").equals(before) || !kpi("#kpi-gpus-value").equals(gpusBefore),
                    "a KPI changed: " + before + " -> " + kpi("#kpi-output-cost-value"));
            assertNotEquals(breakEvenBefore, chart(dashboard, "Break-even"), "the break-even chart was rebuilt");

            app.fx(() -> app.window.controller().undo());
            app.waitUntil(() -> app.context.session().get("workload.outputTokens.mean").asDouble() != 700.0, "undo");
            assertNotEquals("700", output.getText(), "undo put the old value back in the field");
        }
    }

    @Test
    void invalidInputIsMarkedAtTheFieldAndTheLastResultsStay() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            DashboardView dashboard = app.window.dashboard();
            String before = kpi("#kpi-output-cost-value");
            TextField input = lookup("#field-workload-inputTokens-mean").queryAs(TextField.class);
            app.fx(() -> input.setText("-5"));
            assertTrue(input.getStyleClass().contains("invalid"), "the field is marked");
            Label error = lookup("#field-workload-inputTokens-mean-error").queryAs(Label.class);
            assertTrue(error.isVisible() && error.getText().contains("must be from"), "the reason is shown: " + error.getText());
            assertNotEquals(-5.0, app.context.session().get("workload.inputTokens.mean").asDouble(), "the bad value never reached the scenario");

            // A value the form accepts but the engine rejects (a peak below the average) is marked through the engine's field path.
            TextField peak = lookup("#field-workload-peakRequestsPerSecond").queryAs(TextField.class);
            app.fx(() -> peak.setText("0.5"));
            app.waitUntil(dashboard::problemShown, "the engine's complaint");
            // The engine names the field at fault (here the peak ratio that now conflicts with the peak); it is marked.
            app.waitUntil(() -> !lookup(".invalid").queryAll().isEmpty(), "the field the engine names to be marked");
            assertEquals(before, kpi("#kpi-output-cost-value"), "the last valid results stay");
            dashboard.charts().forEach(card -> assertTrue(card.isShowingChart(), card.name() + " still drawn"));

            app.fx(() -> {
                peak.setText("");
                input.setText("1500");
            });
            app.waitUntil(() -> !dashboard.problemShown(), "the problem to clear");
            app.waitUntil(() -> lookup(".invalid").queryAll().isEmpty(), "every mark to clear");
        }
    }

    @Test
    void aNewScenarioIsSavedAndFoundAfterARestart() throws Exception {
        String id;
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            int count = app.context.scenarios().all().size();
            clickOn("#newButton");
            app.waitUntil(() -> app.context.scenarios().all().size() == count + 1, "the new scenario");
            app.waitUntil(() -> app.context.session().scenario() != null && app.context.session().scenario().name().equals("New scenario"),
                    "the new scenario to open");
            TextField output = lookup("#field-workload-outputTokens-mean").queryAs(TextField.class);
            app.fx(() -> output.setText("777"));
            id = app.context.session().scenario().id().toString();
        }
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            StoredScenario found = app.context.scenarios().all().stream().filter(s -> s.id().toString().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("the new scenario is in the workspace after a restart"));
            assertEquals("New scenario", found.name());
            assertTrue(found.documentJson().contains("777"), "the edit was saved");
        }
    }

    @Test
    void deletingAScenarioCanBeUndone() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            int count = app.context.scenarios().all().size();
            StoredScenario first = app.context.scenarios().all().getFirst();
            app.fx(() -> app.context.scenarios().delete(first));
            assertEquals(count - 1, app.context.scenarios().all().size());
            app.fx(() -> app.context.scenarios().undoDelete());
            app.waitUntil(() -> app.context.scenarios().all().size() == count, "the scenario to come back");
            assertEquals(first.id(), app.context.scenarios().all().getFirst().id());
        }
    }

    @Test
    void chartsExportAsPngSvgAndCsv() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            for (ChartCard card : app.window.dashboard().charts()) {
                String base = card.getId();
                Path png = dataDirectory.resolve(base + ".png");
                Path svg = dataDirectory.resolve(base + ".svg");
                Path csv = dataDirectory.resolve(base + ".csv");
                card.exportTo(png);
                card.exportTo(svg);
                card.exportTo(csv);
                byte[] header = Files.readAllBytes(png);
                assertTrue(header.length > 5_000 && header[1] == 'P' && header[2] == 'N' && header[3] == 'G', base + ".png is a PNG");
                assertTrue(Files.readString(svg).contains("<svg"), base + ".svg is an SVG");
                assertTrue(Files.readAllLines(csv).size() > 1, base + ".csv has rows");
            }
        }
    }

    @Test
    void everyPageRendersContent() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            for (Page page : Page.values()) {
                app.fx(() -> app.window.controller().show(page));
                Node node = app.window.controller().page(page).node();
                assertTrue(node.isVisible() && node.getScene() != null, page + " is on screen");
                assertTrue(node.getLayoutBounds().getWidth() > 300 && node.getLayoutBounds().getHeight() > 300, page + " has a size");
                assertTrue(countVisibleNodes(node) > 8, page + " is not empty: " + countVisibleNodes(node));
            }
            app.fx(() -> app.window.controller().show(Page.CATALOG));
            assertTrue(lookup("#catalog-table").queryAs(TableView.class).getItems().size() >= 20, "the catalog lists its accelerators");
            app.fx(() -> app.window.controller().show(Page.PROJECTION));
            assertTrue(lookup("#projection-table").queryAs(TableView.class).getItems().size() >= 12, "the projection has months");
            app.fx(() -> app.window.controller().show(Page.COMPARE));
            app.waitUntil(() -> lookup("#compare-table").queryAs(TableView.class).getItems().size() > 5, "the comparison");
        }
    }

    @Test
    void theSensitivityPageRanksInputsAndFollowsEdits() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            app.fx(() -> app.window.controller().show(Page.SENSITIVITY));
            var view = (io.inferplan.app.sensitivity.SensitivityView) app.window.controller().page(Page.SENSITIVITY);
            app.waitUntil(() -> view.result() != null, "the sensitivity to be computed");
            assertTrue(lookup("#sensitivity-table").queryAs(TableView.class).getItems().size() >= 8, "most inputs are set in a sample");
            assertTrue(lookup("#sensitivity-chart").queryAs(ChartCard.class).isShowingChart());
            assertTrue(lookup("#sensitivity-summary").queryAs(Label.class).getText().startsWith("Operating profit now "));
            assertFalse(lookup("#sensitivity-progress").query().isVisible(), "no progress bar once done");

            // Another result, picked in the page.
            @SuppressWarnings("unchecked")
            ChoiceBox<io.inferplan.engine.scenario.Sensitivity.Metric> metric = lookup("#sensitivity-metric").queryAs(ChoiceBox.class);
            app.fx(() -> metric.setValue(io.inferplan.engine.scenario.Sensitivity.Metric.GPUS_NEEDED));
            app.waitUntil(() -> view.result().metric() == io.inferplan.engine.scenario.Sensitivity.Metric.GPUS_NEEDED, "GPUs needed");

            // An edit of the scenario (here while the page is open) is followed.
            double before = view.result().base();
            app.fx(() -> app.context.session().set("workload.averageRequestsPerSecond",
                    com.fasterxml.jackson.databind.node.DoubleNode.valueOf(app.context.session().get("workload.averageRequestsPerSecond").asDouble() * 3)));
            app.waitUntil(() -> view.result().base() > before, "the sensitivity to follow the edit");
        }
    }

    @Test
    void quickProfileRunsOnTheOpenClCpuDeviceAndBecomesTheScenariosHardware() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            app.fx(() -> app.window.controller().show(Page.PROFILE));
            var profile = (io.inferplan.app.profile.ProfileView) app.window.controller().page(Page.PROFILE);
            clickOn("#profile-quick");
            app.waitUntil(() -> profile.lastReport() != null, "the quick profile to finish");
            assertFalse(profile.lastReport().devices().isEmpty(), "PoCL's CPU device is found");
            assertTrue(lookup("#profile-results").queryAs(TableView.class).getItems().size() > 0, "results are listed");
            assertTrue(profile.lastReport().bestDevice().isPresent(), "a device was benchmarked");
            long drawn = app.window.dashboard().chartsDrawn();
            clickOn("#profile-use");
            assertNotNull(app.context.session().get("deployment.customAccelerator"), "the scenario uses the measured device");
            app.waitUntil(() -> app.window.dashboard().chartsDrawn() > drawn || app.window.dashboard().problemShown(),
                    "the scenario to be evaluated on the measured device");

            var store = app.context.catalogStore().orElseThrow();
            assertFalse(store.profileRuns().isEmpty(), "the run is kept where `estimate --accelerator this-machine` finds it");
            int before = app.context.catalog().entries().size();
            clickOn("#profile-save-entry");
            app.waitUntil(() -> app.context.catalog().entries().size() == before + 1, "the measured device to join the catalog");
            assertTrue(app.context.catalog().entries().stream().anyMatch(e -> e.id().startsWith("measured-")));

            // Without a restart, the scenario's accelerator picker offers the new entry too.
            app.fx(() -> app.window.controller().show(Page.DASHBOARD));
            @SuppressWarnings("unchecked")
            ComboBox<FieldSpec.Choice> picker = lookup("#field-deployment-accelerator").queryAs(ComboBox.class);
            app.waitUntil(() -> picker.getItems().stream().anyMatch(c -> c.id().startsWith("measured-")),
                    "the measured device to be offered in the accelerator picker");
        }
    }

    @Test
    void aQuoteEnteredOnTheCatalogPageReplacesTheBundledEntryUntilRemoved() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            app.fx(() -> app.window.controller().show(Page.CATALOG));
            @SuppressWarnings("unchecked")
            TableView<io.inferplan.catalog.CatalogEntry> table = lookup("#catalog-table").queryAs(TableView.class);
            app.fx(() -> table.getSelectionModel().select(table.getItems().stream()
                    .filter(e -> e.id().equals("h100-sxm-80gb")).findFirst().orElseThrow()));
            clickOn("#catalog-own-entry");
            clickOn("#own-purchase").write("abc");
            clickOn("OK");
            app.waitUntil(() -> !lookup("#own-problem").queryAs(Label.class).getText().isEmpty(), "the bad price to be explained");
            assertTrue(lookup("#own-problem").queryAs(Label.class).getText().startsWith("Price per GPU (USD): must be a number"));
            TextField price = lookup("#own-purchase").queryAs(TextField.class);
            clickOn(price).eraseText(3).write("24500");
            clickOn("#own-source").write("Quote from Supplier X");
            clickOn("OK");
            app.waitUntil(() -> app.context.catalog().find("h100-sxm-80gb").orElseThrow().origin() == io.inferplan.catalog.EntryOrigin.USER,
                    "the quote to replace the bundled entry");
            assertTrue(app.context.catalog().find("h100-sxm-80gb").orElseThrow().prices().stream()
                    .anyMatch(p -> p.usdPerGpu() != null && p.usdPerGpu() == 24_500));

            app.fx(() -> table.getSelectionModel().select(table.getItems().stream()
                    .filter(e -> e.id().equals("h100-sxm-80gb")).findFirst().orElseThrow()));
            clickOn("#catalog-remove-own");
            app.waitUntil(() -> app.context.catalog().find("h100-sxm-80gb").orElseThrow().origin() == io.inferplan.catalog.EntryOrigin.BUNDLED,
                    "the bundled entry to come back");
        }
    }

    private String kpi(String id) {
        Label label = lookup(id).queryAs(Label.class);
        assertNotNull(label, id);
        return label.getText();
    }

    private static JFreeChart chart(DashboardView dashboard, String name) {
        return dashboard.charts().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().chart();
    }

    private static int countVisibleNodes(Node node) {
        if (!node.isVisible()) {
            return 0;
        }
        int count = 1;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                count += countVisibleNodes(child);
            }
        }
        return count;
    }
}
