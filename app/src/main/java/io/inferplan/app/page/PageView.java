package io.inferplan.app.page;

import javafx.scene.Node;

/** One page of the main window. Pages are built the first time they are shown. */
public interface PageView {
    Node node();

    /** Called each time the page comes to the front (refresh what may have changed elsewhere). */
    default void shown() {
    }

    /** Called when another page comes to the front (stop work only this page needs). */
    default void hidden() {
    }

    /** The charts on the page, for "export every chart" (none by default). */
    default java.util.List<io.inferplan.app.charts.ChartCard> charts() {
        return java.util.List.of();
    }
}
