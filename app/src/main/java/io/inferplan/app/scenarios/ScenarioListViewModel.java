package io.inferplan.app.scenarios;

import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.app.workspace.StoredScenario;
import io.inferplan.app.workspace.WorkspaceStore;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The scenario list: what is in the workspace, what the search leaves visible, which one is open, and the
 * operations on it. Database work happens on worker threads; the lists change on the FX thread.
 */
public final class ScenarioListViewModel {
    private final TaskRunner tasks;
    private final WorkspaceStore store;
    private final ObservableList<StoredScenario> all = FXCollections.observableArrayList();
    private final FilteredList<StoredScenario> visible = new FilteredList<>(all, s -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<StoredScenario> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<StoredScenario> lastDeleted = new ReadOnlyObjectWrapper<>();
    private final java.util.List<Consumer<StoredScenario>> renameListeners = new java.util.ArrayList<>();
    private int lastDeletedIndex;
    private Consumer<String> errorReporter = System.err::println;
    private final java.util.concurrent.Executor rowRefresh;
    /** The open scenario's latest edit, not yet in its row (see {@link #replace}); null when the rows are current. */
    private StoredScenario pendingRow;

    public ScenarioListViewModel(WorkspaceStore store, TaskRunner tasks) {
        this(store, tasks, Runnable::run);
    }

    /**
     * @param rowRefresh when an edited scenario's row is brought up to date: in the app a moment after the edit, so
     *                   that the list's cells are not rebuilt in the frame that shows the edit's result
     */
    public ScenarioListViewModel(WorkspaceStore store, TaskRunner tasks, java.util.concurrent.Executor rowRefresh) {
        this.store = store;
        this.tasks = tasks;
        this.rowRefresh = rowRefresh;
        search.addListener((obs, old, text) -> {
            flushPendingRow();
            String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            visible.setPredicate(s -> needle.isEmpty() || s.name().toLowerCase(Locale.ROOT).contains(needle)
                    || s.documentJson().toLowerCase(Locale.ROOT).contains(needle));
        });
    }

    public void onError(Consumer<String> reporter) {
        this.errorReporter = reporter;
    }

    public ObservableList<StoredScenario> all() {
        return all;
    }

    public FilteredList<StoredScenario> visible() {
        return visible;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<StoredScenario> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<StoredScenario> lastDeletedProperty() {
        return lastDeleted.getReadOnlyProperty();
    }

    /** Shows what the store holds (called once at start, after seeding). */
    public void setAll(List<StoredScenario> scenarios) {
        setAll(scenarios, null);
    }

    /** As {@link #setAll(List)}, opening the scenario with id {@code openId} when there is one (the last session's). */
    public void setAll(List<StoredScenario> scenarios, String openId) {
        pendingRow = null;
        all.setAll(scenarios);
        if (!all.isEmpty() && selected.get() == null) {
            selected.set(all.stream().filter(s -> s.id().toString().equals(openId)).findFirst().orElse(all.getFirst()));
        }
    }

    /** Adds a new scenario with this document and opens it. */
    public void create(String name, String documentJson) {
        flushPendingRow();
        tasks.submit(() -> store.create(uniqueName(name), documentJson), created -> {
            all.add(created);
            search.set("");
            selected.set(created);
        }, this::report);
    }

    public void duplicate(StoredScenario original) {
        if (original != null) {
            StoredScenario latest = current(original);
            create(latest.name() + " (copy)", latest.documentJson());
        }
    }

    public void rename(StoredScenario scenario, String newName) {
        if (scenario == null || newName == null || newName.isBlank()) {
            return;
        }
        StoredScenario latest = current(scenario);
        StoredScenario renamed = latest.withName(newName.strip()).withDocument(DocumentNames.rename(latest.documentJson(), newName.strip()));
        replaceRow(renamed);
        store.saveLater(renamed);
        renameListeners.forEach(listener -> listener.accept(renamed));
    }

    /** Told after a rename (the open scenario's editor takes the new name into its document). */
    public void onRenamed(Consumer<StoredScenario> listener) {
        renameListeners.add(listener);
    }

    /** Removes the scenario from the list at once; {@link #undoDelete} brings it back. */
    public void delete(StoredScenario scenario) {
        if (scenario == null) {
            return;
        }
        flushPendingRow();
        int index = indexOf(scenario);
        if (index < 0) {
            return;
        }
        StoredScenario removed = all.remove(index);
        lastDeletedIndex = index;
        lastDeleted.set(removed);
        if (removed.equals(selected.get()) || (selected.get() != null && selected.get().id().equals(removed.id()))) {
            selected.set(all.isEmpty() ? null : all.get(Math.min(index, all.size() - 1)));
        }
        tasks.submit(() -> {
            store.delete(removed.id());
            return null;
        }, ignored -> { }, this::report);
    }

    public void undoDelete() {
        StoredScenario restored = lastDeleted.get();
        if (restored == null) {
            return;
        }
        lastDeleted.set(null);
        tasks.submit(() -> {
            store.restore(restored.id());
            return restored;
        }, scenario -> {
            all.add(Math.min(lastDeletedIndex, all.size()), scenario);
            selected.set(scenario);
        }, this::report);
    }

    /**
     * The open scenario changed (an edit): its row follows a moment later, once per burst of edits. Replacing a row
     * rebuilds the list's cells and reselects the open scenario, 10-30 ms on the FX thread that would otherwise delay
     * the frame showing the edit's result; every operation of this list (and the search) brings the row up to date
     * first, so none of them ever sees an older copy.
     */
    public void replace(StoredScenario updated) {
        if (pendingRow != null && !pendingRow.id().equals(updated.id())) {
            flushPendingRow();
        }
        int index = indexOf(updated);
        if (index >= 0 && !all.get(index).name().equals(updated.name())) {
            // A new name shows in the list as it is typed.
            pendingRow = null;
            all.set(index, updated);
            return;
        }
        boolean scheduled = pendingRow != null;
        pendingRow = updated;
        if (!scheduled) {
            rowRefresh.execute(this::flushPendingRow);
        }
    }

    /** Brings the row of the last edited scenario up to date now (before reading the list's copies). */
    public void flushPendingRow() {
        StoredScenario pending = pendingRow;
        pendingRow = null;
        if (pending != null) {
            replaceRow(pending);
        }
    }

    private void replaceRow(StoredScenario updated) {
        int index = indexOf(updated);
        if (index >= 0) {
            all.set(index, updated);
        }
    }

    private StoredScenario current(StoredScenario scenario) {
        flushPendingRow();
        int index = indexOf(scenario);
        return index >= 0 ? all.get(index) : scenario;
    }

    private int indexOf(StoredScenario scenario) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(scenario.id())) {
                return i;
            }
        }
        return -1;
    }

    private String uniqueName(String wanted) {
        String base = wanted == null || wanted.isBlank() ? "New scenario" : wanted.strip();
        String name = base;
        for (int n = 2; containsName(name); n++) {
            name = base + " " + n;
        }
        return name;
    }

    private boolean containsName(String name) {
        return all.stream().anyMatch(s -> s.name().equalsIgnoreCase(name));
    }

    private void report(Throwable error) {
        errorReporter.accept(error.getMessage() == null ? error.toString() : error.getMessage());
    }
}
