package io.inferplan.app.editor;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Undo and redo as whole-document snapshots: scenarios are a few kilobytes, so a snapshot per edit is cheaper and
 * far more robust than inverse operations. Keystrokes in one field are one step until the field loses focus
 * ({@link #endGroup}): typing "1999" slowly and pressing Ctrl+Z goes back to the value before, not to "199".
 */
final class EditHistory {
    private static final int LIMIT = 200;

    private final Deque<String> undo = new ArrayDeque<>();
    private final Deque<String> redo = new ArrayDeque<>();
    private String lastKey;

    /** Call before applying an edit, with the document as it was. */
    void recordBefore(String documentBefore, String key, long nowMillis) {
        boolean coalesce = key != null && key.equals(lastKey) && !undo.isEmpty();
        if (!coalesce) {
            undo.push(documentBefore);
            if (undo.size() > LIMIT) {
                undo.removeLast();
            }
        }
        redo.clear();
        lastKey = key;
    }

    /** The field being typed in lost focus: its next edit is a new step. */
    void endGroup() {
        lastKey = null;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    /** The document to go back to, given the current one (kept for redo). */
    String undo(String current) {
        redo.push(current);
        lastKey = null;
        return undo.pop();
    }

    String redo(String current) {
        undo.push(current);
        lastKey = null;
        return redo.pop();
    }

    void clear() {
        undo.clear();
        redo.clear();
        lastKey = null;
    }
}
