package io.inferplan.app.fx;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/** Whether a node can be seen now: in a showing window, visible up to its root, and not scrolled or clipped out of view. */
public final class Viewport {
    private Viewport() {
    }

    public static boolean shows(Node node) {
        Scene scene = node.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return false;
        }
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        if (bounds.getWidth() <= 0 || bounds.getHeight() <= 0
                || !bounds.intersects(0, 0, scene.getWidth(), scene.getHeight())) {
            return false;
        }
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
            Parent parent = at.getParent();
            if ((parent instanceof ScrollPane || (parent != null && parent.getClip() != null))
                    && !bounds.intersects(parent.localToScene(parent.getLayoutBounds()))) {
                return false;
            }
        }
        return true;
    }
}
