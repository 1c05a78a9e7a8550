package io.inferplan.catalog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.EntryOrigin;
import io.inferplan.catalog.PriceKind;
import io.inferplan.catalog.PriceQuote;
import io.inferplan.catalog.Source;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogStoreTest {
    @TempDir
    Path home;

    static CatalogEntry quotedH100(double usdPerGpu) {
        CatalogEntry bundled = AcceleratorCatalog.bundled().find("H100").orElseThrow();
        PriceQuote quote = new PriceQuote(PriceKind.QUOTE, "Our reseller", usdPerGpu, null, null, null, null,
                "own-quote", "2026-11-01", null, "8-GPU server share included");
        return bundled.withPrices(List.of(quote), List.of(new Source("own-quote", "Reseller quote Q-2026-117", "", "2026-11-01")));
    }

    @Test
    void aSavedQuoteOfTheUsersOwnStillWinsOverTheCheaperBundledRates() {
        CatalogEntry bundled = AcceleratorCatalog.bundled().find("H100").orElseThrow();
        double cheapestBundled = bundled.cheapest(PriceKind.CLOUD_ON_DEMAND).orElseThrow().usdPerGpuHour();
        List<PriceQuote> prices = new java.util.ArrayList<>(bundled.prices());
        prices.add(new PriceQuote(PriceKind.CLOUD_ON_DEMAND, "own quote", null, null, null, cheapestBundled + 1, null,
                "own-quote", "2026-12-01", null, null).asUsers());
        CatalogStore store = CatalogStore.open(home);
        store.saveUserEntry(bundled.withPrices(prices, List.of(new Source("own-quote", "Reseller quote", "", "2026-12-01"))));

        CatalogEntry merged = CatalogStore.open(home).catalog().find("H100").orElseThrow();
        assertEquals(cheapestBundled + 1, merged.preferred(PriceKind.CLOUD_ON_DEMAND).orElseThrow().usdPerGpuHour(), 1e-9,
                "the user's quote, read back from the database, is the rate the part is compared at");
    }

    @Test
    void userEntryOverridesBundledAndResetBringsBundledBackKeepingHistory() {
        CatalogStore store = CatalogStore.open(home);
        assertTrue(store.userEntries().isEmpty());
        store.saveUserEntry(quotedH100(27_000));
        store.saveUserEntry(quotedH100(26_500));

        CatalogEntry merged = store.catalog().find("h100 sxm").orElseThrow();
        assertEquals(EntryOrigin.USER, merged.origin());
        assertEquals(26_500, merged.prices().getFirst().usdPerGpu());
        assertEquals(AcceleratorCatalog.bundled().entries().size(), store.catalog().entries().size(), "override replaces, not adds");
        assertEquals(1, store.history("h100-sxm-80gb").size(), "the replaced quote is kept");

        assertTrue(store.resetToBundled("h100-sxm-80gb"));
        assertEquals(EntryOrigin.BUNDLED, store.catalog().find("H100").orElseThrow().origin());
        assertEquals(2, store.history("h100-sxm-80gb").size(), "the reset entry is kept too");
        assertEquals(26_500, store.history("h100-sxm-80gb").getFirst().prices().getFirst().usdPerGpu());
        assertFalse(store.resetToBundled("h100-sxm-80gb"));
    }

    @Test
    void entriesAndProfileRunsSurviveReopening() {
        CatalogStore first = CatalogStore.open(home);
        first.saveUserEntry(quotedH100(25_000));
        long id = first.saveProfileRun(Instant.parse("2026-11-24T10:00:00Z"), "quick", "test-host", 1, Map.of("devices", List.of()));

        CatalogStore second = CatalogStore.open(home);
        assertEquals(1, second.userEntries().size());
        List<StoredProfileRun> runs = second.profileRuns();
        assertEquals(1, runs.size());
        assertEquals(id, runs.getFirst().id());
        assertEquals("quick", runs.getFirst().mode());
        assertTrue(runs.getFirst().reportJson().contains("devices"));
    }

    @Test
    void migratesADatabaseMadeByAnOlderVersionWithoutLosingItsEntries() throws Exception {
        CatalogStore store = new CatalogStoreForTests(home).store();
        store.flyway(CatalogMigrations.upTo(1)).migrate();
        String json = io.inferplan.engine.JsonSupport.mapper().writeValueAsString(quotedH100(24_000).withOrigin(EntryOrigin.USER));
        try (Connection c = store.connect(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO user_entry (id, entry_json, created_at, updated_at) VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            insert.setString(1, "h100-sxm-80gb");
            insert.setString(2, json);
            insert.executeUpdate();
        }
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet version = s.executeQuery("SELECT MAX(\"version\") FROM \"flyway_schema_history\"")) {
            version.next();
            assertEquals("1", version.getString(1));
        }

        CatalogStore upgraded = CatalogStore.open(home);
        assertEquals(24_000, upgraded.userEntry("h100-sxm-80gb").orElseThrow().prices().getFirst().usdPerGpu());
        upgraded.saveUserEntry(quotedH100(23_000));
        assertEquals(1, upgraded.history("h100-sxm-80gb").size(), "the V2 history table works on the upgraded file");
    }

    @Test
    void opensADatabaseWhoseWriterWasKilledMidWrite() throws Exception {
        // A child JVM writes entries in a loop; we kill it without warning once it has committed a few.
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreWriterMain.class.getName(), home.toString());
        builder.redirectErrorStream(true);
        Process child = builder.start();
        int committed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    committed = Integer.parseInt(line.substring("committed ".length()));
                    if (committed >= 5) {
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(committed >= 5, "child committed " + committed);

        CatalogStore store = CatalogStore.open(home);
        int found = store.userEntries().size();
        assertTrue(found >= committed, "every committed entry is there: " + found + " of " + committed);
        store.saveUserEntry(quotedH100(22_000));
        assertEquals(22_000, store.userEntry("h100-sxm-80gb").orElseThrow().prices().getFirst().usdPerGpu());
    }

    @Test
    void aFailedLoginLeavesNoTraceFile() throws Exception {
        CatalogStore store = CatalogStore.open(home);
        store.saveUserEntry(quotedH100(20_000));
        try (Connection open = store.connect()) {
            // A failed login is one of the errors H2 writes to FILE.trace.db with its stack trace by default.
            java.sql.DriverManager.getConnection("jdbc:h2:file:" + home.resolve(CatalogStore.FILE_NAME).toAbsolutePath()
                    + ";IFEXISTS=TRUE", "intruder", "x").close();
        } catch (java.sql.SQLException expected) {
            // refused, as it should be
        }
        try (var files = Files.list(home)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".trace.db")).toList());
        }
    }

    @Test
    void aLeftoverLockFileDoesNotKeepTheUserOut() throws Exception {
        CatalogStore.open(home).saveUserEntry(quotedH100(21_000));
        // What a crashed H2 using FILE_LOCK=FILE leaves behind.
        Files.writeString(home.resolve(CatalogStore.FILE_NAME + ".lock.db"), "#FileLock\nid=deadbeef\nmethod=file\n");
        assertEquals(1, CatalogStore.open(home).userEntries().size());
    }

    /** Gives the test a store on the temp dir without running the migrations. */
    record CatalogStoreForTests(Path home) {
        CatalogStore store() throws Exception {
            var constructor = CatalogStore.class.getDeclaredConstructor(Path.class, boolean.class);
            constructor.setAccessible(true);
            return constructor.newInstance(home, false);
        }
    }
}
