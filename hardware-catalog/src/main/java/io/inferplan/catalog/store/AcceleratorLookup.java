package io.inferplan.catalog.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.profile.DeviceProfile;
import io.inferplan.catalog.profile.MeasuredSpecs;
import io.inferplan.catalog.profile.ProfileReport;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.hardware.AcceleratorSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Resolves an accelerator name for the engine: any catalog id or alias (bundled and the user's own entries), or
 * {@value #THIS_MACHINE}, the best device of the latest stored profile run with its measured bandwidth and FP32.
 */
public final class AcceleratorLookup {
    public static final String THIS_MACHINE = "this-machine";
    private static final ObjectMapper REPORT_READER = JsonSupport.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final AcceleratorCatalog catalog;
    private final Supplier<List<StoredProfileRun>> profileRuns;

    public AcceleratorLookup(AcceleratorCatalog catalog, Supplier<List<StoredProfileRun>> profileRuns) {
        this.catalog = catalog;
        this.profileRuns = profileRuns;
    }

    /** The bundled catalog only, no profile runs: what tests and a machine without a data directory get. */
    public static AcceleratorLookup bundled() {
        return new AcceleratorLookup(AcceleratorCatalog.bundled(), List::of);
    }

    /** The user's catalog and profile runs from the store. */
    public static AcceleratorLookup of(CatalogStore store) {
        return new AcceleratorLookup(store.catalog(), store::profileRuns);
    }

    public AcceleratorCatalog catalog() {
        return catalog;
    }

    public static boolean isThisMachine(String name) {
        return name != null && name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "").equals("thismachine");
    }

    public Optional<AcceleratorSpec> find(String name) {
        if (isThisMachine(name)) {
            return thisMachine();
        }
        return catalog.find(name).map(CatalogEntry::toSpec);
    }

    /** Like {@link #find} but an unknown name, or "this-machine" before any profile run, is an input error. */
    public AcceleratorSpec require(String field, String name) {
        if (isThisMachine(name)) {
            return thisMachine().orElseThrow(() -> new InvalidInputException(field,
                    "'this-machine' needs a profile run with measured bandwidth first: run `inferplan profile`"));
        }
        return catalog.require(field, name).toSpec();
    }

    /** The most recent run that benchmarked a device, as an engine spec marked measured. */
    public Optional<AcceleratorSpec> thisMachine() {
        for (StoredProfileRun run : profileRuns.get()) {
            Optional<ProfileReport> report = read(run.reportJson());
            if (report.isEmpty()) {
                continue;
            }
            Optional<DeviceProfile> device = report.get().bestDevice()
                    .filter(d -> d.memoryBandwidthGBps() != null && d.fp32Gflops() != null);
            if (device.isPresent()) {
                return Optional.of(MeasuredSpecs.toSpec(device.get(), report.get(), catalog));
            }
        }
        return Optional.empty();
    }

    private static Optional<ProfileReport> read(String json) {
        try {
            return Optional.of(REPORT_READER.readValue(json, ProfileReport.class));
        } catch (java.io.IOException | RuntimeException e) {
            // A run stored by an older version that no longer reads is skipped, not fatal.
            return Optional.empty();
        }
    }
}
