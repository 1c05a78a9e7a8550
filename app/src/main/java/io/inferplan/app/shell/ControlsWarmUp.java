package io.inferplan.app.shell;

import io.inferplan.app.charts.ChartCard;
import io.inferplan.app.charts.ChartStyle;
import io.inferplan.app.charts.CostBreakdownChart;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/**
 * Builds, styles and lays out an unseen scene with the kinds of controls and the chart the dashboard uses, while the
 * workspace databases open on another thread and the FX thread would otherwise wait. Loading and linking the skins,
 * the stylesheet and the chart classes then costs nothing on the way to the first dashboard.
 */
public final class ControlsWarmUp {
    private ControlsWarmUp() {
    }

    /** Best effort: a failure here only means the first window builds a little slower. */
    public static void warmUp() {
        try {
            run(Theme.LIGHT);
        } catch (RuntimeException e) {
            // nothing to report: the real window builds the same controls and reports its own problems
        }
    }

    static void run(Theme theme) {
        TableView<String> table = new TableView<>();
        table.getColumns().add(new TableColumn<String, String>("a"));
        table.getItems().add("row");
        ChartCard chart = new ChartCard("warm-up", "warm-up");
        chart.show(CostBreakdownChart.build(Map.of("Rent", 1.0), ChartStyle.of(theme)));
        VBox content = new VBox(new MenuBar(), new Label("label"), new TextField("1"), new ComboBox<String>(),
                new ChoiceBox<String>(), new CheckBox("c"), new Button("b"), new ListView<String>(), table,
                new TitledPane("t", new VBox(new TextField())), chart);
        SplitPane split = new SplitPane(new ScrollPane(content));
        Scene scene = new Scene(split, 800, 600);
        scene.getStylesheets().setAll(theme.stylesheets());
        split.applyCss();
        split.layout();
    }
}
