package io.inferplan.cli;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.store.AcceleratorLookup;
import io.inferplan.catalog.store.CatalogStore;
import io.inferplan.catalog.store.StoreException;
import java.io.UncheckedIOException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The catalog as the commands see it: the bundled entries with the user's own entries and profile runs over them,
 * read without writing; when the user's database cannot be read, the bundle alone, with one warning on stderr.
 */
final class UserCatalog {
    private UserCatalog() {
    }

    /** Catalog names plus "this-machine" (the latest profile run); the bundle alone if the database cannot be opened. */
    static AcceleratorLookup lookup(CommandSpec spec) {
        try {
            // Read-only: a command that only looks parts up never rewrites (or creates) the catalog database.
            return CatalogStore.openDefaultForReading().map(AcceleratorLookup::of).orElseGet(AcceleratorLookup::bundled);
        } catch (StoreException | UncheckedIOException e) {
            spec.commandLine().getErr().println("warning: your own catalog entries and profile runs could not be read ("
                    + e.getMessage() + "); using the bundled catalog only");
            return AcceleratorLookup.bundled();
        }
    }

    /** The bundled catalog with the user's entries over it; the bundle alone if the database cannot be opened. */
    static AcceleratorCatalog catalog(CommandSpec spec) {
        try {
            return CatalogStore.openDefaultForReading().map(CatalogStore::catalog).orElseGet(AcceleratorCatalog::bundled);
        } catch (StoreException | UncheckedIOException e) {
            spec.commandLine().getErr().println("warning: your own catalog entries could not be read (" + e.getMessage()
                    + "); showing the bundled catalog only");
            return AcceleratorCatalog.bundled();
        }
    }
}
