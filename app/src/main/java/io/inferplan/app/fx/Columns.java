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

    /** A text column the user cannot re-sort (rows whose order means something: months, ranks). */
    public static <T> TableColumn<T, String> fixedOrder(String title, Function<T, String> value) {
        TableColumn<T, String> column = text(title, value);
        column.setSortable(false);
        return column;
    }
}
