package io.inferplan.app.charts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.general.DefaultPieDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A chart out of view waits to be drawn until it is scrolled to, and is still there for export meanwhile. */
class ChartCardTest {
    private Stage stage;

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            FxToolkit.setupFixture(stage::close);
        }
    }

    @Test
    void aChartBelowTheFoldIsDrawnWhenScrolledTo() throws Exception {
        FxToolkit.registerPrimaryStage();
        ChartCard top = new ChartCard("Top", "top");
        ChartCard below = new ChartCard("Below", "below");
        Region spacer = new Region();
        spacer.setMinHeight(1500);
        ScrollPane scroller = new ScrollPane(new VBox(top, spacer, below));
        scroller.setFitToWidth(true);
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            stage.setScene(new Scene(scroller, 600, 500));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        JFreeChart first = pie("first");
        JFreeChart second = pie("second");
        FxToolkit.setupFixture(() -> {
            top.show(first);
            below.show(second);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(top.isDrawn(), "the chart in view is drawn at once");
        assertFalse(below.isDrawn(), "the chart below the fold waits");
        assertSame(second, below.chart(), "but it is the card's chart (export and tests read it)");
        assertTrue(below.isShowingChart());

        FxToolkit.setupFixture(() -> scroller.setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents(5);
        assertTrue(below.isDrawn(), "scrolled to, it is drawn");
        assertSame(second, below.chart());
    }

    @Test
    void aMessageReplacesAChartThatWaitsToBeDrawn() throws Exception {
        FxToolkit.registerPrimaryStage();
        ChartCard card = new ChartCard("Alone", "alone");
        card.show(pie("never shown"));
        assertFalse(card.isDrawn(), "a card in no window draws nothing");
        card.showMessage("Nothing to draw");
        assertFalse(card.isShowingChart());
    }

    private static JFreeChart pie(String title) {
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        data.setValue("a", 1);
        data.setValue("b", 2);
        return ChartFactory.createPieChart(title, data);
    }
}
