package io.inferplan.app.fx;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/** A page's background run in controls: a progress bar and Cancel shown only while it runs, and its message line. */
public final class RunControls {
    private RunControls() {
    }

    /** The progress bar ({@code idPrefix-progress}) and Cancel ({@code idPrefix-cancel}), present only while running. */
    public static List<Node> progressAndCancel(String idPrefix, double widthPixels, ReadOnlyDoubleProperty progress,
                                               ReadOnlyBooleanProperty running, Runnable cancel) {
        ProgressBar bar = new ProgressBar();
        bar.setId(idPrefix + "-progress");
        bar.setPrefWidth(widthPixels);
        bar.progressProperty().bind(progress);
        Button button = new Button("Cancel");
        button.setId(idPrefix + "-cancel");
        button.setOnAction(event -> cancel.run());
        for (Node node : List.of(bar, button)) {
            node.visibleProperty().bind(running);
            node.managedProperty().bind(running);
        }
        return List.of(bar, button);
    }

    /** A wrapping message ({@code idPrefix-message}) that takes no room while empty. */
    public static Label message(String idPrefix, ReadOnlyStringProperty text) {
        Label message = new Label();
        message.setId(idPrefix + "-message");
        message.setWrapText(true);
        message.textProperty().bind(text);
        message.visibleProperty().bind(text.isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }
}
