package io.inferplan.app.charts;

import io.inferplan.analysis.charts.ChartExporter;

import io.inferplan.app.fx.Viewport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * One chart on a page: the JFreeChart viewer with an export menu (PNG, SVG, CSV). When there is nothing to show
 * it says why instead of drawing empty axes; when a new evaluation fails it keeps the last chart.
 *
 * <p>A chart is drawn only once it can be seen: drawing one costs the JavaFX thread 5-15 ms, and a dashboard scrolled
 * to its top would otherwise spend most of an edit's time on charts below the fold. A chart that is out of view is
 * kept and drawn in the first frame that shows it (scrolled to, its page opened, the window enlarged).
 */
public final class ChartCard extends StackPane {
    private final ChartViewer viewer = new ChartViewer(null);
    private final Label message = new Label();
    private final MenuButton exportMenu = new MenuButton("⤓");
    private final String name;
    private Consumer<String> errorReporter = text -> { };
    /** The chart to draw once in view; null when the viewer already shows the latest one. */
    private JFreeChart undrawn;
    private Scene watchedScene;
    private final Runnable drawWhenInView = this::drawIfInView;

    public ChartCard(String name, String idForTests) {
        this.name = name;
        getStyleClass().add("chart-card");
        setId(idForTests);
        setMinSize(280, 220);
        setPrefSize(480, 300);
        message.getStyleClass().add("chart-empty");
        message.setWrapText(true);
        message.setText("Evaluating " + name.toLowerCase(java.util.Locale.ROOT) + "…");
        exportMenu.getStyleClass().add("tool-button");
        exportMenu.setTooltip(new Tooltip("Export this chart"));
        exportMenu.getItems().addAll(item("Export PNG…", "png"), item("Export SVG…", "svg"), item("Export data as CSV…", "csv"));
        exportMenu.setDisable(true);
        StackPane.setAlignment(exportMenu, Pos.TOP_RIGHT);
        StackPane.setMargin(exportMenu, new Insets(2));
        viewer.setVisible(false);
        // The mouse wheel scrolls the page, as everywhere else: JFreeChart's wheel zoom caught it whenever the
        // pointer crossed a chart, zooming the chart instead of moving the dashboard.
        viewer.getCanvas().removeAuxiliaryMouseHandler(viewer.getCanvas().getMouseHandler("scroll"));
        getChildren().addAll(viewer, message, exportMenu);
        sceneProperty().addListener((obs, old, scene) -> watch());
    }

    public void onError(Consumer<String> reporter) {
        this.errorReporter = reporter;
    }

    public void show(JFreeChart chart) {
        viewer.setVisible(true);
        message.setVisible(false);
        exportMenu.setDisable(false);
        if (Viewport.shows(this)) {
            draw(chart);
        } else {
            undrawn = chart;
            watch();
        }
    }

    /** Whether the chart shown is drawn on screen, not waiting to come into view. */
    public boolean isDrawn() {
        return undrawn == null && viewer.getChart() != null && viewer.isVisible();
    }

    private void draw(JFreeChart chart) {
        undrawn = null;
        watch();
        viewer.setChart(chart);
    }

    private void drawIfInView() {
        if (undrawn != null && Viewport.shows(this)) {
            draw(undrawn);
        }
    }

    /** Checks after every layout while a chart waits to be seen, on the scene the card is in now. */
    private void watch() {
        Scene scene = undrawn == null ? null : getScene();
        if (scene == watchedScene) {
            return;
        }
        if (watchedScene != null) {
            watchedScene.removePostLayoutPulseListener(drawWhenInView);
        }
        watchedScene = scene;
        if (scene != null) {
            scene.addPostLayoutPulseListener(drawWhenInView);
            Platform.requestNextPulse();
        }
    }

    /** Nothing to draw, and why (shown in place of the chart). */
    public void showMessage(String text) {
        undrawn = null;
        watch();
        viewer.setVisible(false);
        message.setText(text);
        message.setVisible(true);
        exportMenu.setDisable(true);
    }

    public JFreeChart chart() {
        return undrawn != null ? undrawn : viewer.getChart();
    }

    public boolean isShowingChart() {
        return viewer.isVisible() && chart() != null;
    }

    public String name() {
        return name;
    }

    public void exportTo(Path file) throws IOException {
        ChartExporter.export(chart(), file);
    }

    private MenuItem item(String text, String extension) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.replace("…", ""));
            chooser.setInitialFileName(name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "." + extension);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT), "*." + extension));
            java.io.File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                try {
                    exportTo(file.toPath());
                } catch (IOException e) {
                    errorReporter.accept("Could not export " + name + ": " + e.getMessage());
                }
            }
        });
        return item;
    }
}
