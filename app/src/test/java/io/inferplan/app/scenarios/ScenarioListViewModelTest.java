package io.inferplan.app.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.app.workspace.StoredScenario;
import io.inferplan.app.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario list on a real workspace file: an edited row follows a moment later, and nothing reads it stale. */
class ScenarioListViewModelTest {
    @TempDir
    Path directory;
    private WorkspaceStore store;
    private final List<Runnable> refreshes = new ArrayList<>();
    private ScenarioListViewModel list;
    private StoredScenario open;

    @BeforeEach
    void openWorkspace() {
        store = WorkspaceStore.open(directory);
        open = store.create("Chat", "{\"name\":\"Chat\",\"note\":\"old\"}");
        store.create("Batch", "{\"name\":\"Batch\"}");
        list = new ScenarioListViewModel(store, TaskRunner.sameThread(), refreshes::add);
        list.setAll(store.scenarios());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private StoredScenario edited(String note) {
        return open.withDocument("{\"name\":\"Chat\",\"note\":\"" + note + "\"}");
    }

    private StoredScenario row(String name) {
        return list.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anEditedRowFollowsOncePerBurstOfEdits() {
        list.replace(edited("one"));
        list.replace(edited("two"));
        assertEquals(1, refreshes.size(), "one refresh for the burst");
        assertTrue(row("Chat").documentJson().contains("old"), "the row waits for the refresh");
        refreshes.getFirst().run();
        assertTrue(row("Chat").documentJson().contains("two"), row("Chat").documentJson());
    }

    @Test
    void aNewNameShowsAtOnce() {
        list.replace(open.withName("Chat v2"));
        assertEquals(List.of(), refreshes);
        assertEquals(open.id(), row("Chat v2").id());
    }

    @Test
    void operationsAndSearchNeverSeeAnOlderCopy() {
        list.replace(edited("pending"));
        list.duplicate(open);
        StoredScenario copy = row("Chat (copy)");
        assertTrue(copy.documentJson().contains("pending"), copy.documentJson());

        list.replace(edited("searchable"));
        list.searchProperty().set("searchable");
        assertEquals(List.of("Chat"), list.visible().stream().map(StoredScenario::name).toList());
    }

    @Test
    void aDeletedScenarioComesBackWithItsLatestEdit() {
        list.replace(edited("latest"));
        list.delete(open);
        list.undoDelete();
        assertTrue(row("Chat").documentJson().contains("latest"), row("Chat").documentJson());
    }
}
