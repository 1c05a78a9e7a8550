package io.inferplan.catalog.store;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.PriceKind;
import io.inferplan.catalog.PriceQuote;
import io.inferplan.catalog.Source;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Child process for the catalog kill test: records own quotes and profile runs the way the app does, while
 * another thread reads the catalog (as the app's pages do), and prints "acked N" once write N returned.
 * Writes come in bursts with pauses, as a user's do.
 */
public final class CatalogWriterMain {
    private CatalogWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        CatalogStore store = CatalogStore.open(Path.of(args[0]));
        int start = Integer.parseInt(args[1]);
        Thread reader = new Thread(() -> {
            while (true) {
                store.catalog();
                store.profileRuns();
            }
        }, "catalog-reader");
        reader.setDaemon(true);
        reader.start();
        Random random = new Random(start);
        CatalogEntry h100 = AcceleratorCatalog.bundled().find("H100").orElseThrow();
        for (int write = start; ; write++) {
            if (write % 2 == 0) {
                PriceQuote quote = new PriceQuote(PriceKind.QUOTE, "Reseller", (double) write, null, null, null, null,
                        "own-quote", "2026-11-01", null, "write " + write);
                store.saveUserEntry(h100.withPrices(List.of(quote), List.of(new Source("own-quote", "Quote " + write, "", "2026-11-01"))));
            } else {
                store.saveProfileRun(Instant.now(), "quick", "host", 1, Map.of("write", write));
            }
            System.out.println("acked " + write);
            System.out.flush();
            Thread.sleep(write % 4 == 3 ? 200 + random.nextInt(800) : 30);
        }
    }
}
