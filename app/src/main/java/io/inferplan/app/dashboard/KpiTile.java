package io.inferplan.app.dashboard;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** One headline figure: what it is, the value with its unit, and a line of context. */
public final class KpiTile extends VBox {
    private final Label value = new Label("–");
    private final Label detail = new Label();
    private final Tooltip detailTooltip = new Tooltip();
    /** Two lines of the 11 px detail text. */
    private static final double DETAIL_MAX_HEIGHT = 31;

    public KpiTile(String id, String title, String help) {
        setId(id);
        getStyleClass().add("kpi-tile");
        Label name = new Label(title);
        name.getStyleClass().add("kpi-title");
        value.getStyleClass().add("kpi-value");
        value.setId(id + "-value");
        detail.getStyleClass().add("kpi-detail");
        detail.setWrapText(true);
        // The tiles share one height (TilePane): one long detail (the trust note) made every tile four lines tall
        // and pushed the charts below the fold. Two lines at most here, the whole text in the tooltip.
        detail.setMaxHeight(DETAIL_MAX_HEIGHT);
        detail.setTooltip(detailTooltip);
        setMinWidth(140);
        setMaxWidth(Double.MAX_VALUE);
        setPrefWidth(150);
        getChildren().addAll(name, value, detail);
        Tooltip.install(this, new Tooltip(help));
    }

    /**
     * Offers "Solve for…" on this tile: a button over its top right corner while the pointer is on the tile, and the
     * same item in its context menu (a tile is a figure, so "what would it take to make it X?" starts here). The
     * button takes no room from the title: the tiles are 150 px wide and their titles need it.
     */
    public void offerSolve(Runnable solve) {
        javafx.scene.control.Button button = new javafx.scene.control.Button("Solve…");
        button.setId(getId() + "-solve");
        button.getStyleClass().add("kpi-action");
        button.setFocusTraversable(false);
        button.setTooltip(new Tooltip("Solve for a target: the price, load, cache hit rate or utilisation that reaches it"));
        button.setOnAction(event -> solve.run());
        button.setManaged(false);
        button.visibleProperty().bind(hoverProperty());
        solveButton = button;
        getChildren().add(button);
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Solve for a target…");
        item.setOnAction(event -> solve.run());
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(item);
        setOnContextMenuRequested(event -> menu.show(this, event.getScreenX(), event.getScreenY()));
    }

    private javafx.scene.control.Button solveButton;

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (solveButton != null) {
            solveButton.autosize();
            solveButton.relocate(getWidth() - solveButton.getWidth() - 4, 3);
        }
    }

    /** Shows the tile's content, and follows it and the staleness from now on. */
    public void follow(ReadOnlyObjectProperty<DashboardViewModel.Tile> tile, ReadOnlyBooleanProperty stale) {
        tile.addListener((obs, old, next) -> show(next));
        stale.addListener((obs, old, next) -> setStale(next));
        show(tile.get());
        setStale(stale.get());
    }

    private void show(DashboardViewModel.Tile tile) {
        String valueText = tile.value();
        String detailText = tile.detail();
        DashboardViewModel.Tone tone = tile.tone();
        value.setText(valueText);
        // Words (a bottleneck's name) get a smaller face than figures so they fit the tile.
        value.getStyleClass().remove("kpi-value-text");
        if (valueText.length() > 9) {
            value.getStyleClass().add("kpi-value-text");
        }
        detail.setText(detailText);
        detailTooltip.setText(detailText);
        getStyleClass().removeAll("good", "bad");
        if (tone == DashboardViewModel.Tone.GOOD) {
            getStyleClass().add("good");
        } else if (tone == DashboardViewModel.Tone.BAD) {
            getStyleClass().add("bad");
        }
    }

    public String valueText() {
        return value.getText();
    }

    private void setStale(boolean stale) {
        getStyleClass().remove("stale");
        if (stale) {
            getStyleClass().add("stale");
        }
    }
}
