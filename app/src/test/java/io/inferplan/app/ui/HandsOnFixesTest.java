package io.inferplan.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.editor.FieldSpec;
import io.inferplan.app.shell.Page;
import io.inferplan.app.workspace.OwnPrice;
import io.inferplan.app.workspace.StoredScenario;
import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.PriceKind;
import io.inferplan.catalog.PriceQuote;
import io.inferplan.engine.JsonSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** What the hands-on pass of issue 11 found, each as the user met it. */
class HandsOnFixesTest extends FxRobot {
    @TempDir
    Path dataDirectory;

    @Test
    void selectingTwoPartsInTheCatalogShowsTheirFiguresSideBySide() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            app.fx(() -> app.window.controller().show(Page.CATALOG));
            @SuppressWarnings("unchecked")
            TableView<CatalogEntry> table = lookup("#catalog-table").queryAs(TableView.class);
            @SuppressWarnings("unchecked")
            TableView<List<String>> sideBySide = lookup("#catalog-side-by-side").queryAs(TableView.class);
            app.fx(() -> {
                table.getSelectionModel().clearSelection();
                for (String id : List.of("h100-sxm-80gb", "h200-sxm-141gb")) {
                    table.getSelectionModel().select(table.getItems().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow());
                }
            });
            assertEquals(3, sideBySide.getColumns().size(), "a figure column and one per part");
            List<String> memory = sideBySide.getItems().stream().filter(row -> row.getFirst().equals("memoryGB")).findFirst()
                    .orElseThrow(() -> new AssertionError("the memory row is shown: " + sideBySide.getItems()));
            assertTrue(memory.get(1).startsWith("80"), memory.toString());
            assertTrue(memory.get(2).startsWith("141"), memory.toString());
            assertTrue(sideBySide.getItems().size() > 5, "every figure has a row");
        }
    }

    @Test
    void aNewAcceleratorBringsItsOwnPriceAndTheRateSaysWhereItIsFrom() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            var session = app.context.session();
            assertEquals("rent", session.get("cost.basis").asText(), "the first sample rents its GPUs");
            // The H200's bundled rate the part is compared at (the cheapest on-demand quote), read from the catalog
            // so that refreshed prices do not break the test.
            PriceQuote h200 = AcceleratorCatalog.bundled().find("h200-sxm-141gb").orElseThrow()
                    .preferred(PriceKind.CLOUD_ON_DEMAND).orElseThrow();
            pickAccelerator(app, "h200-sxm-141gb");
            assertEquals(h200.usdPerGpuHour(), session.get("cost.usdPerGpuHour").asDouble(), "the H200's catalog price, not the H100's");
            assertEquals(FieldEditorText.plain(h200.usdPerGpuHour()), lookup("#field-cost-usdPerGpuHour").queryAs(TextField.class).getText());
            assertTrue(rateSource().startsWith("Rate: catalog: " + h200.provider()), rateSource());

            // An own price for a part wins over the catalog's.
            app.context.store().putOwnPrice(new OwnPrice("a100-sxm-80gb", 2.15, null, "own quote"));
            app.context.reloadOwnPrices();
            pickAccelerator(app, "a100-sxm-80gb");
            assertEquals(2.15, session.get("cost.usdPerGpuHour").asDouble());
            assertEquals("Rate: your price", rateSource());

            // A part without any price keeps the number and says to check it.
            pickAccelerator(app, "mi250x-128gb");
            assertTrue(rateSource().contains("mi250x-128gb has no price"), rateSource());

            TextField rate = lookup("#field-cost-usdPerGpuHour").queryAs(TextField.class);
            app.fx(() -> rate.setText("1.75"));
            pickAccelerator(app, "h200-sxm-141gb");
            app.fx(() -> rate.setText("1.75"));
            assertTrue(rateSource().startsWith("Rate: typed by you (catalog: " + h200.provider()), rateSource());

            // Each change of part is one undo step with its price.
            for (int i = 0; i < 5; i++) {
                app.fx(() -> app.window.controller().undo());
            }
            assertEquals("h200-sxm-141gb", session.get("deployment.accelerator").asText());
            assertEquals(h200.usdPerGpuHour(), session.get("cost.usdPerGpuHour").asDouble());
        }
    }

    @Test
    void aBrokenJsonFileIsRefusedWithItsLineAndCreatesNothing() throws Exception {
        Path broken = dataDirectory.resolve("broken.json");
        Files.writeString(broken, "{\n  \"schemaVersion\": 1,\n  \"name\": \"Broken\",\n  \"workload\": {\n}\n");
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            int count = app.context.scenarios().all().size();
            StoredScenario open = app.context.session().scenario();
            app.fx(() -> app.window.controller().importFile(broken));
            app.waitUntil(() -> String.valueOf(app.window.controller().notificationText()).contains("broken.json"), "the refusal");
            String message = app.window.controller().notificationText();
            assertTrue(message.contains("not valid JSON at line 6"), message);
            assertEquals(count, app.context.scenarios().all().size(), "no scenario was created");
            assertEquals(open.id(), app.context.session().scenario().id(), "the open scenario stays open");
        }
    }

    @Test
    void ctrlZInATextFieldUndoesTheScenarioEdit() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            TextField output = lookup("#field-workload-outputTokens-mean").queryAs(TextField.class);
            String before = output.getText();
            double valueBefore = app.context.session().get("workload.outputTokens.mean").asDouble();
            clickOn(output).eraseText(output.getText().length()).write("3500");
            assertEquals(3500.0, app.context.session().get("workload.outputTokens.mean").asDouble());
            press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
            app.waitUntil(() -> app.context.session().get("workload.outputTokens.mean").asDouble() == valueBefore, "Ctrl+Z to undo the edit");
            assertEquals(before, output.getText(), "the field shows the value before the edit");
            press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
            app.waitUntil(() -> app.context.session().get("workload.outputTokens.mean").asDouble() == 3500.0, "Ctrl+Y to redo it");
        }
    }

    @Test
    void editUndoRightAfterTypingUndoes() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            TextField input = lookup("#field-workload-inputTokens-mean").queryAs(TextField.class);
            String before = input.getText();
            clickOn(input).eraseText(input.getText().length()).write("4321");
            javafx.scene.control.MenuItem undo = app.window.controller().undoMenuItem();
            assertFalse(undo.isDisable(), "Edit > Undo is offered right after typing");
            app.fx(undo::fire);
            assertEquals(before, input.getText(), "one undo goes back to the value before the typing, however slow it was");
            assertNotEquals(4321.0, app.context.session().get("workload.inputTokens.mean").asDouble());
        }
    }

    @Test
    void aDecimalCommaIsReadAsADecimalNotAsThousands() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            TextField rate = lookup("#field-cost-usdPerGpuHour").queryAs(TextField.class);
            clickOn(rate).eraseText(rate.getText().length()).write("1,5");
            app.waitUntil(() -> app.context.session().get("cost.usdPerGpuHour").asDouble() == 1.5, "1,5 read as 1.5 $/GPU-hour");
            clickOn(rate).eraseText(rate.getText().length()).write("1,999");
            app.waitUntil(() -> app.context.session().get("cost.usdPerGpuHour").asDouble() == 1999.0, "1,999 read as 1999");
        }
    }

    @Test
    void anEngineRangeIsSaidInTheFieldsUnitsUnderItsLabel() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            TextField cap = lookup("#field-deployment-plannedUtilization").queryAs(TextField.class);
            // 2 % passes the form's 0 to 100 % but not the engine's 0.05 to 1.
            clickOn(cap).eraseText(cap.getText().length()).write("2");
            app.waitUntil(() -> app.window.dashboard().problemShown(), "the engine to refuse a 2 % load cap");
            String banner = app.window.dashboard().problemText();
            assertTrue(banner.contains("Peak load cap: must be from 5 to 100 %, was 2 %"), banner);
            assertFalse(banner.contains("deployment.plannedUtilization") || banner.contains("0.05"), banner);
            assertEquals("must be from 5 to 100 %, was 2 %", app.window.dashboard().form().problemAt("deployment.plannedUtilization"));
        }
    }

    @Test
    void ctrlZBringsBackADeletedScenario() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            int count = app.context.scenarios().all().size();
            StoredScenario first = app.context.scenarios().all().getFirst();
            app.fx(() -> app.context.scenarios().delete(first));
            assertEquals(count - 1, app.context.scenarios().all().size());
            assertFalse(app.window.controller().undoMenuItem().isDisable(), "Undo is offered for the deletion");
            clickOn("#scenarioList");
            press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
            app.waitUntil(() -> app.context.scenarios().all().size() == count, "Ctrl+Z to bring the scenario back");
            assertEquals(first.id(), app.context.scenarios().all().getFirst().id());
        }
    }

    @Test
    void resetToBundledPricesAsksFirstAndCanBeUndone() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            app.context.store().putOwnPrice(new OwnPrice("h100-sxm-80gb", 1.99, null, "own quote"));
            app.context.reloadOwnPrices();
            app.fx(() -> app.window.controller().show(Page.CATALOG));
            clickOn("#catalog-reset-prices");
            clickOn("Cancel");
            assertEquals(1, app.context.store().ownPrices().size(), "Cancel keeps every own price");
            clickOn("#catalog-reset-prices");
            clickOn("OK");
            app.waitUntil(() -> app.context.store().ownPrices().isEmpty(), "the reset");
            clickOn("#catalog-undo-reset");
            app.waitUntil(() -> app.context.store().ownPrices().size() == 1, "the undone reset");
            assertEquals(1.99, app.context.store().ownPrices().get("h100-sxm-80gb").usdPerGpuHour());
        }
    }

    @Test
    void aMeasuredPartShowsInTheAcceleratorFieldAndAPartFromTheListReplacesIt() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            // What the profile page's "Use as hardware in this scenario" puts in (MeasuredSpecs names it so).
            var json = (com.fasterxml.jackson.databind.node.ObjectNode) JsonSupport.mapper()
                    .valueToTree(app.context.catalog().find("L40S").orElseThrow().toSpec());
            json.put("id", "measured-l40s").put("name", "NVIDIA L40S (measured on box)").put("measured", true);
            app.fx(() -> app.context.session().editElsewhere(document -> {
                document.withObjectProperty("deployment").remove("accelerator");
                document.withObjectProperty("deployment").set("customAccelerator", json);
            }));
            @SuppressWarnings("unchecked")
            ComboBox<FieldSpec.Choice> picker = lookup("#field-deployment-accelerator").queryAs(ComboBox.class);
            assertEquals("NVIDIA L40S (measured on box)", picker.getValue().label());
            assertFalse(picker.getValue().label().contains("(measured) (measured)"));

            String h100 = app.context.catalog().find("H100").orElseThrow().id();
            pickAccelerator(app, h100);
            assertEquals(h100, app.context.session().get("deployment.accelerator").asText());
            assertEquals(null, app.context.session().get("deployment.customAccelerator"), "the catalog part replaces the measured one");
        }
    }

    @Test
    void theOpenScenarioComesBackAfterARestart() throws Exception {
        StoredScenario third;
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            third = app.context.scenarios().all().get(2);
            app.fx(() -> app.context.scenarios().selectedProperty().set(third));
            assertEquals(third.id(), app.context.session().scenario().id());
        }
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            assertEquals(third.id(), app.context.session().scenario().id(), "the scenario open at closing opens again");
        }
    }

    @Test
    void theCompareSelectionComesBackAfterARestart() throws Exception {
        List<java.util.UUID> ticked;
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            app.fx(() -> app.window.controller().show(Page.COMPARE));
            org.controlsfx.control.CheckListView<StoredScenario> picker = comparePicker();
            app.fx(() -> {
                picker.getCheckModel().clearChecks();
                picker.getCheckModel().check(1);
                picker.getCheckModel().check(3);
            });
            ticked = List.of(picker.getItems().get(1).id(), picker.getItems().get(3).id());
        }
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            app.fx(() -> app.window.controller().show(Page.COMPARE));
            assertEquals(ticked, comparePicker().getCheckModel().getCheckedItems().stream().map(StoredScenario::id).toList(),
                    "the scenarios ticked at closing are ticked again, not the first three");
        }
    }

    @SuppressWarnings("unchecked")
    private org.controlsfx.control.CheckListView<StoredScenario> comparePicker() {
        return lookup("#compare-picker").queryAs(org.controlsfx.control.CheckListView.class);
    }

    @Test
    void theMouseWheelOverAChartScrollsThePageInsteadOfZoomingTheChart() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            io.inferplan.app.charts.ChartCard card = lookup("#chart-cost-by-accelerator").query();
            org.jfree.chart.plot.CategoryPlot plot = card.chart().getCategoryPlot();
            org.jfree.data.Range before = plot.getRangeAxis().getRange();
            moveTo(card).scroll(5, javafx.geometry.VerticalDirection.DOWN);
            app.fx(() -> { });
            assertEquals(before, plot.getRangeAxis().getRange(), "the wheel did not zoom the chart");
        }
    }

    @Test
    void kpiTilesAreNoTallerThanTheyNeedAt1280x800() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            app.fx(() -> {
                app.window.stage().setWidth(1280);
                app.window.stage().setHeight(800);
            });
            app.fx(() -> app.window.stage().getScene().getRoot().layout());
            javafx.scene.Node tiles = lookup("#kpi-tiles").query();
            for (String id : List.of("#kpi-input-cost", "#kpi-trust", "#kpi-gpus")) {
                double height = lookup(id).query().getBoundsInParent().getHeight();
                assertTrue(height < 100, id + " is " + height + " px tall: one long detail no longer stretches every tile");
            }
            double tilesBottom = tiles.localToScene(tiles.getBoundsInLocal()).getMaxY();
            assertTrue(tilesBottom < 800 * 0.4, "the charts start in the top 40% of a 1280x800 window, tiles end at " + tilesBottom);
        }
    }

    private void pickAccelerator(AppFixture app, String id) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<FieldSpec.Choice> picker = lookup("#field-deployment-accelerator").queryAs(ComboBox.class);
        app.fx(() -> picker.setValue(picker.getItems().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow()));
    }

    private String rateSource() {
        return lookup("#field-cost-usdPerGpuHour-source").queryAs(Label.class).getText();
    }

    /** The form's number format, as the rate field shows it. */
    private static final class FieldEditorText {
        static String plain(double value) {
            return new java.math.BigDecimal(value).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
        }
    }
}
