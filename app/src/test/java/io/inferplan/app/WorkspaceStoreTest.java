package io.inferplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.workspace.OwnPrice;
import io.inferplan.app.workspace.SampleLibrary;
import io.inferplan.app.workspace.StoredScenario;
import io.inferplan.app.workspace.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace on a real H2 file: migrations, autosave, soft delete, settings, own prices. */
class WorkspaceStoreTest {
    @TempDir
    Path directory;

    @Test
    void storesScenariosAcrossReopening() {
        StoredScenario created;
        try (WorkspaceStore store = WorkspaceStore.open(directory)) {
            assertTrue(store.isNew());
            created = store.create("Mine", SampleLibrary.newScenarioJson());
            store.saveLater(created.withDocument("{\"edited\": true}"));
            store.putSettingLater("theme", "dark");
            store.putOwnPrice(new OwnPrice("h100-sxm-80gb", 1.99, null, "quote"));
        }
        assertTrue(Files.exists(directory.resolve("workspace.mv.db")));
        try (WorkspaceStore store = WorkspaceStore.open(directory)) {
            assertEquals(1, store.scenarios().size());
            assertEquals("{\"edited\": true}", store.scenarios().getFirst().documentJson());
            assertEquals("dark", store.settings().get("theme"));
            assertEquals(1.99, store.ownPrices().get("h100-sxm-80gb").usdPerGpuHour());
        }
    }

    @Test
    void deletedScenariosCanBeRestoredAfterARestart() {
        try (WorkspaceStore store = WorkspaceStore.open(directory)) {
            StoredScenario a = store.create("A", "{}");
            store.create("B", "{}");
            store.delete(a.id());
            assertEquals(1, store.scenarios().size());
            store.restore(a.id());
            assertEquals(2, store.scenarios().size());
            store.delete(a.id());
        }
        try (WorkspaceStore store = WorkspaceStore.open(directory)) {
            assertEquals(1, store.scenarios().size(), "a deleted scenario stays hidden after a restart");
            StoredScenario a = store.find(store.scenarios().getFirst().id()).orElseThrow();
            assertEquals("B", a.name());
        }
    }

    @Test
    void samplesAreFoundOnTheClassPath() {
        var samples = SampleLibrary.samples();
        assertTrue(samples.size() >= 8, "samples: " + samples.size());
        assertTrue(samples.stream().noneMatch(s -> s.getKey().equals("index")), "the index is not a scenario");
    }
}
