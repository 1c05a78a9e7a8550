package io.inferplan.app.catalog;

import io.inferplan.catalog.CatalogEntry;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.hardware.AcceleratorFamily;
import java.time.LocalDate;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Asks for an own catalog entry: a quote for the selected part or a custom part. Stays open with the reason beside
 * the fields until what was typed makes a valid entry.
 */
final class OwnEntryDialog {
    private final Dialog<CatalogEntry> dialog = new Dialog<>();
    private final TextField name = field("own-name");
    private final TextField vendor = field("own-vendor");
    private final ChoiceBox<AcceleratorFamily> family = new ChoiceBox<>();
    private final TextField memory = field("own-memory");
    private final TextField bandwidth = field("own-bandwidth");
    private final TextField bf16 = field("own-bf16");
    private final TextField fp8 = field("own-fp8");
    private final TextField fp4 = field("own-fp4");
    private final TextField power = field("own-power");
    private final TextField purchase = field("own-purchase");
    private final TextField hourly = field("own-hourly");
    private final TextField source = field("own-source");
    private final Label problem = new Label();

    OwnEntryDialog(Window owner, CatalogEntry base) {
        dialog.initOwner(owner);
        dialog.setTitle(base == null ? "New own accelerator" : "Own quote or figures for " + base.name());
        dialog.setHeaderText(base == null
                ? "A part the catalog does not have. Every figure cites the source you give."
                : "Your entry replaces the bundled one (same id) until you remove it. Changed figures cite your source.");
        family.getItems().setAll(AcceleratorFamily.values());
        family.setConverter(new StringConverter<>() {
            @Override
            public String toString(AcceleratorFamily value) {
                return value == null ? "" : value.displayName();
            }

            @Override
            public AcceleratorFamily fromString(String text) {
                return null;
            }
        });
        OwnEntryForm start = base == null ? OwnEntryForm.empty() : OwnEntryForm.from(base);
        name.setText(start.name());
        vendor.setText(start.vendor());
        family.setValue(start.family());
        memory.setText(start.memoryGB());
        bandwidth.setText(start.bandwidthGBps());
        bf16.setText(start.bf16Tflops());
        fp8.setText(start.fp8Tflops());
        fp4.setText(start.fp4Tflops());
        power.setText(start.boardPowerWatts());
        source.setPromptText("e.g. Quote from supplier X, ref 123");
        purchase.setPromptText("optional");
        hourly.setPromptText("optional");
        problem.getStyleClass().add("field-error");
        problem.setId("own-problem");
        problem.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        row = add(grid, row, "Name", name);
        row = add(grid, row, "Vendor", vendor);
        row = add(grid, row, "Family", family);
        row = add(grid, row, "Memory GB", memory);
        row = add(grid, row, "Bandwidth GB/s", bandwidth);
        row = add(grid, row, "Dense BF16 TFLOPS", bf16);
        row = add(grid, row, "Dense FP8 TFLOPS", fp8);
        row = add(grid, row, "Dense FP4 TFLOPS", fp4);
        row = add(grid, row, "Board power W", power);
        row = add(grid, row, "Price per GPU (USD)", purchase);
        row = add(grid, row, "Rental (USD per GPU-hour)", hourly);
        row = add(grid, row, "Source", source);
        grid.add(problem, 0, row, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        CatalogEntry[] built = new CatalogEntry[1];
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            try {
                built[0] = form().toEntry(base, LocalDate.now());
            } catch (InvalidInputException e) {
                problem.setText(e.getMessage());
                event.consume();
            }
        });
        dialog.setResultConverter(button -> button == ButtonType.OK ? built[0] : null);
    }

    Optional<CatalogEntry> showAndWait() {
        return dialog.showAndWait();
    }

    private OwnEntryForm form() {
        return new OwnEntryForm(name.getText(), vendor.getText(), family.getValue() == null ? AcceleratorFamily.OTHER : family.getValue(),
                memory.getText(), bandwidth.getText(), bf16.getText(), fp8.getText(), fp4.getText(), power.getText(),
                purchase.getText(), hourly.getText(), source.getText());
    }

    private static int add(GridPane grid, int row, String label, Node field) {
        grid.add(new Label(label), 0, row);
        grid.add(field, 1, row);
        return row + 1;
    }

    private static TextField field(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(22);
        return field;
    }
}
