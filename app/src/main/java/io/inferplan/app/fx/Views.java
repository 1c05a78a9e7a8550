package io.inferplan.app.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads an FXML view with a controller the caller already built (with its dependencies), as JabRef does. */
public final class Views {
    private Views() {
    }

    public static Parent load(Class<?> owner, String fxml, Object controller) {
        URL location = owner.getResource(fxml);
        if (location == null) {
            throw new IllegalStateException("view missing: " + fxml + " beside " + owner.getName());
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(fxml + " asks for " + type.getName() + " but was given " + controller.getClass().getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml + ": " + e.getMessage(), e);
        }
    }
}
