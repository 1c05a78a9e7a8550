package io.inferplan.app.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.app.workspace.StoredScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The open scenario: its JSON document as the editors change it, undo and redo, and a change event for the
 * evaluation and autosave. Lives on the FX thread.
 */
public final class ScenarioSession {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Why the document changed: editors reload their fields unless they made the change themselves (EDITED);
     * EDITED_ELSEWHERE is an edit made outside the form (the profile page's measured hardware).
     */
    public enum Cause { OPENED, EDITED, EDITED_ELSEWHERE, UNDO_REDO }

    private final ReadOnlyObjectWrapper<StoredScenario> scenario = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final List<Consumer<Cause>> listeners = new ArrayList<>();
    private final EditHistory history = new EditHistory();
    private ObjectNode document = MAPPER.createObjectNode();

    public ReadOnlyObjectProperty<StoredScenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public StoredScenario scenario() {
        return scenario.get();
    }

    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    public BooleanProperty canRedoProperty() {
        return canRedo;
    }

    public void onChange(Consumer<Cause> listener) {
        listeners.add(listener);
    }

    public void open(StoredScenario stored) {
        if (stored == null) {
            return;
        }
        document = parse(stored.documentJson());
        history.clear();
        scenario.set(stored);
        fire(Cause.OPENED);
    }

    public JsonNode get(String path) {
        return JsonPaths.get(document, path);
    }

    public ObjectNode document() {
        return document;
    }

    public String json() {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One edit of one field; consecutive edits of the same field are one undo step. */
    public void set(String path, JsonNode value) {
        if (scenario.get() == null) {
            return;
        }
        JsonNode old = get(path);
        if (old == null ? value == null : old.equals(value)) {
            return;
        }
        history.recordBefore(json(), path, System.currentTimeMillis());
        JsonPaths.set(document, path, value);
        changed(Cause.EDITED);
    }

    /** A structural edit (a pricing tier added or removed): always its own undo step. */
    public void edit(Consumer<ObjectNode> change) {
        if (scenario.get() == null) {
            return;
        }
        history.recordBefore(json(), null, System.currentTimeMillis());
        change.accept(document);
        changed(Cause.EDITED);
    }

    /** An edit made outside the form, as one undo step; the form reloads its fields to show it. */
    public void editElsewhere(Consumer<ObjectNode> change) {
        if (scenario.get() == null) {
            return;
        }
        history.recordBefore(json(), null, System.currentTimeMillis());
        change.accept(document);
        changed(Cause.EDITED_ELSEWHERE);
    }

    /** The user left the field they were typing in: its next edit starts a new undo step. */
    public void endTyping() {
        history.endGroup();
    }

    public void undo() {
        if (history.canUndo()) {
            document = parse(history.undo(json()));
            changed(Cause.UNDO_REDO);
        }
    }

    public void redo() {
        if (history.canRedo()) {
            document = parse(history.redo(json()));
            changed(Cause.UNDO_REDO);
        }
    }

    /** The name changed elsewhere (rename in the list): an undoable edit of the document's name. */
    public void renamed(StoredScenario renamed) {
        if (scenario.get() != null && scenario.get().id().equals(renamed.id())) {
            set("name", document.textNode(renamed.name()));
        }
    }

    private void changed(Cause cause) {
        StoredScenario updated = scenario.get().withDocument(json());
        JsonNode name = document.get("name");
        if (name != null && name.isTextual() && !name.asText().isBlank() && !name.asText().equals(updated.name())) {
            updated = updated.withName(name.asText());
        }
        scenario.set(updated);
        fire(cause);
    }

    private void fire(Cause cause) {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        for (Consumer<Cause> listener : List.copyOf(listeners)) {
            listener.accept(cause);
        }
    }

    private static ObjectNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return node instanceof ObjectNode object ? object : MAPPER.createObjectNode();
        } catch (JsonProcessingException e) {
            // A document the store holds but cannot parse is shown empty; the evaluation then names what is missing.
            return MAPPER.createObjectNode();
        }
    }
}
