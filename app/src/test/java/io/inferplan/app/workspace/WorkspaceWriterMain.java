package io.inferplan.app.workspace;

import java.nio.file.Path;
import java.util.Random;

/**
 * Child process for the kill test: edits one scenario and one own price the way the app does (autosave through
 * the writer thread, prices in their own transaction) and prints "acked N" once edit N is reported saved. Edits
 * come in bursts, like typing "1999" into a field, then a pause, like a user reading the charts.
 */
public final class WorkspaceWriterMain {
    private WorkspaceWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        WorkspaceStore store = WorkspaceStore.open(Path.of(args[0]));
        StoredScenario scenario = store.scenarios().stream().findFirst().orElseGet(() -> store.create("Killed", document(0)));
        int start = Integer.parseInt(args[1]);
        Random random = new Random(start);
        System.out.println("ready");
        System.out.flush();
        for (int edit = start; ; edit++) {
            if (edit % 2 == 0) {
                scenario = scenario.withDocument(document(edit));
                store.saveLater(scenario);
                store.flush();
            } else {
                store.putOwnPrice(new OwnPrice("h200-sxm-141gb", (double) edit, null, "edit " + edit));
            }
            System.out.println("acked " + edit);
            System.out.flush();
            Thread.sleep(edit % 4 == 3 ? 200 + random.nextInt(800) : 30);
        }
    }

    static String document(int edit) {
        // A scenario-sized document (a few kB), so the write is the size the app makes.
        return "{\"edit\": " + edit + ", \"padding\": \"" + "x".repeat(4000) + "\"}";
    }
}
