package io.inferplan.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.charts.ChartCard;
import io.inferplan.app.dashboard.DashboardView;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The dashboard's route card: shown, drawn and exported for a scenario with routes, absent for one without. */
class RouteCardTest extends FxRobot {
    private static final Path ROUTER = Path.of("../samples/src/main/resources/io/inferplan/samples/consumer-assistant-router.json");

    @TempDir
    Path dataDirectory;

    @Test
    void aScenarioWithRoutesShowsTheRouteCardAndExportsItLikeTheOthers() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            DashboardView dashboard = app.window.dashboard();
            assertFalse(dashboard.routesShown(), "the first sample has no routes");
            assertEquals(6, dashboard.charts().size());
            app.fx(() -> app.window.controller().importFile(ROUTER.toAbsolutePath()));
            app.waitUntil(() -> dashboard.routesShown() && dashboard.charts().getLast().isShowingChart(), "the route card");
            ChartCard card = dashboard.charts().getLast();
            assertEquals("Cost and margin by route", card.name());
            assertEquals("small 85%", lookup("#route-0-0").queryAs(Label.class).getText());
            assertEquals("Total", lookup("#route-2-0").queryAs(Label.class).getText());
            Path png = dataDirectory.resolve("routes.png");
            Path csv = dataDirectory.resolve("routes.csv");
            card.exportTo(png);
            card.exportTo(csv);
            assertTrue(Files.size(png) > 5_000, "a PNG");
            assertTrue(Files.readAllLines(csv).size() > 3, "a row per route and series");
        }
    }
}
