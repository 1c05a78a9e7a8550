package io.inferplan.app.fx;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Table columns whose cells show text computed from the row. */
public final class Columns {
    private Columns() {
    }

    public static <T> TableColumn<T, String> text(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    /** A number column that sorts by value and shows it formatted; a missing value (null) sorts last and shows "-". */
    public static <T> TableColumn<T, Double> number(String title, Function<T, Double> value, Function<Double, String> format) {
        TableColumn<T, Double> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "-" : format.apply(item));
            }
        });
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    /** A text column the user cannot re-sort (rows whose order means something: months, ranks). */
    public static <T> TableColumn<T, String> fixedOrder(String title, Function<T, String> value) {
        TableColumn<T, String> column = text(title, value);
        column.setSortable(false);
        return column;
    }
}
