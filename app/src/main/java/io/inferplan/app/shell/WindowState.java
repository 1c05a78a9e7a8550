package io.inferplan.app.shell;

import io.inferplan.app.workspace.WorkspaceStore;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the window's size, position and maximised state in the workspace, and restores them on a visible screen. */
final class WindowState {
    static final double DEFAULT_WIDTH = 1440;
    static final double DEFAULT_HEIGHT = 900;

    private WindowState() {
    }

    static void restore(Stage stage, Map<String, String> settings) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(number(settings, "window.width", DEFAULT_WIDTH), screen.getWidth());
        double height = Math.min(number(settings, "window.height", DEFAULT_HEIGHT), screen.getHeight());
        stage.setWidth(width);
        stage.setHeight(height);
        double x = number(settings, "window.x", Double.NaN);
        double y = number(settings, "window.y", Double.NaN);
        boolean visible = !Screen.getScreensForRectangle(x, y, Math.max(1, width / 4), 40).isEmpty();
        if (Double.isFinite(x) && Double.isFinite(y) && visible) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(Boolean.parseBoolean(settings.getOrDefault("window.maximized", "false")));
    }

    static void track(Stage stage, WorkspaceStore store) {
        stage.widthProperty().addListener((obs, old, value) -> save(stage, store));
        stage.heightProperty().addListener((obs, old, value) -> save(stage, store));
        stage.xProperty().addListener((obs, old, value) -> save(stage, store));
        stage.yProperty().addListener((obs, old, value) -> save(stage, store));
        stage.maximizedProperty().addListener((obs, old, value) -> store.putSettingLater("window.maximized", value.toString()));
    }

    private static void save(Stage stage, WorkspaceStore store) {
        if (stage.isMaximized() || stage.isIconified()) {
            return;
        }
        store.putSettingLater("window.width", Double.toString(stage.getWidth()));
        store.putSettingLater("window.height", Double.toString(stage.getHeight()));
        store.putSettingLater("window.x", Double.toString(stage.getX()));
        store.putSettingLater("window.y", Double.toString(stage.getY()));
    }

    private static double number(Map<String, String> settings, String key, double fallback) {
        try {
            return settings.containsKey(key) ? Double.parseDouble(settings.get(key)) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
