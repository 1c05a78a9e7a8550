package io.inferplan.app.shell;

import io.inferplan.app.theme.Theme;

import io.inferplan.app.charts.ChartCard;
import io.inferplan.analysis.charts.ChartStyle;
import io.inferplan.analysis.charts.CostBreakdownChart;
import io.inferplan.app.dashboard.DashboardView;
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
import org.controlsfx.control.SearchableComboBox;

/**
 * Work for the FX thread while the workspace databases open on another and it would otherwise wait: build the
 * dashboard (it needs no database), then style and lay out an unseen scene with the kinds of controls the window
 * uses and one chart, so that loading and linking the skins, the stylesheet and the chart classes costs nothing
 * on the way to the first dashboard. The dashboard itself is not styled there: a node styled in one scene and
 * moved to another keeps stale looked-up colours (JavaFX then logs ClassCastExceptions for -ip-* colours).
 */
public final class ControlsWarmUp {
    private ControlsWarmUp() {
    }

    /** The dashboard for the window; null if it could not be built (the window then builds its own). */
    public static DashboardView prebuildDashboard(AppCore core) {
        DashboardView dashboard;
        try {
            dashboard = MainWindow.buildDashboard(core);
        } catch (RuntimeException e) {
            return null;
        }
        try {
            styleUnseenControls(Theme.LIGHT);
        } catch (RuntimeException e) {
            // Best effort: the real window styles the same controls and reports its own problems.
        }
        return dashboard;
    }

    static void styleUnseenControls(Theme theme) {
        TableView<String> table = new TableView<>();
        table.getColumns().add(new TableColumn<String, String>("a"));
        table.getItems().add("row");
        ChartCard chart = new ChartCard("warm-up", "warm-up");
        chart.show(CostBreakdownChart.build(Map.of("Rent", 1.0), 50, theme.chartStyle()));
        VBox content = new VBox(new MenuBar(), new Label("label"), new TextField("1"), new ComboBox<String>(),
                new SearchableComboBox<String>(), new ChoiceBox<String>(), new CheckBox("c"), new Button("b"),
                new ListView<String>(), table, new TitledPane("t", new VBox(new TextField())), chart);
        SplitPane split = new SplitPane(new ScrollPane(content));
        Scene scene = new Scene(split, 800, 600);
        scene.getStylesheets().setAll(theme.stylesheets());
        split.applyCss();
        split.layout();
    }
}
