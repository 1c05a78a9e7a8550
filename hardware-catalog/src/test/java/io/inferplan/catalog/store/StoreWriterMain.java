package io.inferplan.catalog.store;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import java.nio.file.Path;

/** Child process for the killed-writer test: saves user entries forever, reporting each commit. */
public final class StoreWriterMain {
    private StoreWriterMain() {
    }

    public static void main(String[] args) {
        CatalogStore store = CatalogStore.open(Path.of(args[0]));
        CatalogEntry template = AcceleratorCatalog.bundled().find("L40S").orElseThrow();
        for (int i = 1; ; i++) {
            String json = template.id();
            CatalogEntry copy = new CatalogEntry("custom-l40s-" + i, "Custom L40S " + i, template.vendor(), template.family(),
                    template.formFactor(), null, java.util.List.of(), java.util.List.of(), template.releaseYear(), template.memoryGB(),
                    template.memoryType(), template.memoryBandwidthGBps(), template.denseTflops(), template.sparseTflops(),
                    template.boardPowerWatts(), template.scaleUpLink(), template.scaleUpGBpsPerDirection(), template.scaleUpDomainSize(),
                    template.hostLinkGBpsPerDirection(), template.prices(), json, template.sources());
            store.saveUserEntry(copy);
            System.out.println("committed " + i);
            System.out.flush();
        }
    }
}
