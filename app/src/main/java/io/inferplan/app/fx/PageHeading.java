package io.inferplan.app.fx;

import javafx.scene.control.Label;

/** The heading every page starts with. */
public final class PageHeading {
    private PageHeading() {
    }

    /** A page's heading: its title over a wrapped subtitle that follows {@code summary} (id {@code idPrefix-summary}). */
    public static javafx.scene.layout.VBox of(String idPrefix, String title, javafx.beans.value.ObservableValue<String> summary) {
        Label heading = new Label(title);
        heading.getStyleClass().add("page-title");
        Label subtitle = new Label();
        subtitle.getStyleClass().add("page-subtitle");
        subtitle.setWrapText(true);
        subtitle.setId(idPrefix + "-summary");
        subtitle.textProperty().bind(summary);
        return new javafx.scene.layout.VBox(2, heading, subtitle);
    }
}
