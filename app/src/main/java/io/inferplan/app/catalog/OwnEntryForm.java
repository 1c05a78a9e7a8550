package io.inferplan.app.catalog;

import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.EntryOrigin;
import io.inferplan.catalog.Figure;
import io.inferplan.catalog.PriceKind;
import io.inferplan.catalog.PriceQuote;
import io.inferplan.catalog.Source;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.hardware.AcceleratorFamily;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the user typed for an own catalog entry: a quote for a part the catalog has (same id, so it overrides the
 * bundled entry until reset) or a custom part. Figures the user did not change keep their original source; every
 * changed or new figure cites the user's own source, dated today.
 *
 * @param purchaseUsdPerGpu  quoted price per GPU, empty for none
 * @param rentalUsdPerGpuHour quoted rental price per GPU-hour, empty for none
 * @param source             where the figures come from ("Quote from Supplier X, ref 123")
 */
public record OwnEntryForm(String name, String vendor, AcceleratorFamily family, String memoryGB, String bandwidthGBps,
                           String bf16Tflops, String fp8Tflops, String fp4Tflops, String boardPowerWatts,
                           String purchaseUsdPerGpu, String rentalUsdPerGpuHour, String source) {

    /** The form filled from an existing entry, to be edited into a quote or a variant. */
    public static OwnEntryForm from(CatalogEntry entry) {
        return new OwnEntryForm(entry.name(), entry.vendor(), entry.family(), text(entry.memoryGB()), text(entry.memoryBandwidthGBps()),
                text(entry.denseTflops().get("bf16")), text(entry.denseTflops().get("fp8")), text(entry.denseTflops().get("fp4")),
                text(entry.boardPowerWatts()), "", "", "");
    }

    public static OwnEntryForm empty() {
        return new OwnEntryForm("", "", AcceleratorFamily.OTHER, "", "", "", "", "", "", "", "", "");
    }

    /**
     * The entry to store. {@code base} is the entry the form started from (its id is kept, so the user's entry
     * replaces it), or null for a new part.
     *
     * @throws InvalidInputException naming the field when a value is missing or out of range
     */
    public CatalogEntry toEntry(CatalogEntry base, LocalDate today) {
        String date = today.toString();
        String sourceText = source == null || source.isBlank() ? "Entered in InferPlan by the user" : source.strip();
        String sourceId = "own-" + date;
        String id = base != null ? base.id() : idFor(name);
        Figure memory = figure("Memory GB", memoryGB, base == null ? null : base.memoryGB(), sourceId, 0.001, 100_000, true);
        Figure bandwidth = figure("Bandwidth GB/s", bandwidthGBps, base == null ? null : base.memoryBandwidthGBps(), sourceId, 0.001,
                1_000_000, true);
        Map<String, Figure> dense = new LinkedHashMap<>(base == null ? Map.of() : base.denseTflops());
        putTflops(dense, "bf16", "BF16 TFLOPS", bf16Tflops, sourceId);
        putTflops(dense, "fp8", "FP8 TFLOPS", fp8Tflops, sourceId);
        putTflops(dense, "fp4", "FP4 TFLOPS", fp4Tflops, sourceId);
        if (dense.isEmpty()) {
            throw new InvalidInputException("BF16 TFLOPS", "at least one dense throughput (BF16, FP8 or FP4) is required");
        }
        Figure power = figure("Power W", boardPowerWatts, base == null ? null : base.boardPowerWatts(), sourceId, 1, 100_000, false);

        List<PriceQuote> prices = new ArrayList<>(base == null ? List.of() : base.prices());
        Double purchase = optionalNumber("Price per GPU (USD)", purchaseUsdPerGpu, 1, 100_000_000);
        if (purchase != null) {
            prices.add(new PriceQuote(PriceKind.QUOTE, "own quote", purchase, null, null, null, null, sourceId, date, null, null).asUsers());
        }
        Double hourly = optionalNumber("Rental (USD per GPU-hour)", rentalUsdPerGpuHour, 0.01, 10_000);
        if (hourly != null) {
            prices.add(new PriceQuote(PriceKind.CLOUD_ON_DEMAND, "own quote", null, null, null, hourly, null, sourceId, date, null, null).asUsers());
        }
        List<Source> sources = new ArrayList<>(base == null ? List.of() : base.sources());
        sources.removeIf(s -> s.id().equals(sourceId));
        sources.add(new Source(sourceId, sourceText, "", date));
        return new CatalogEntry(id, required("Name", name), required("Vendor", vendor), family,
                base == null ? "" : base.formFactor(), EntryOrigin.USER, base == null ? List.of() : base.aliases(),
                base == null ? List.of() : base.pciIds(), base == null ? null : base.releaseYear(), memory,
                base == null ? "" : base.memoryType(), bandwidth, dense, base == null ? Map.of() : base.sparseTflops(), power,
                base == null ? "" : base.scaleUpLink(), base == null ? null : base.scaleUpGBpsPerDirection(),
                base == null ? null : base.scaleUpDomainSize(), base == null ? null : base.hostLinkGBpsPerDirection(), prices,
                base == null ? "Your own part." : base.notes(), sources);
    }

    static String idFor(String name) {
        String slug = required("Name", name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String id = "own-" + (slug.isEmpty() ? "part" : slug);
        return id.length() > 80 ? id.substring(0, 80).replaceAll("-$", "") : id;
    }

    private void putTflops(Map<String, Figure> dense, String key, String field, String text, String sourceId) {
        Figure existing = dense.get(key);
        if (text == null || text.isBlank()) {
            dense.remove(key);
            return;
        }
        dense.put(key, figure(field, text, existing, sourceId, 0.001, 1_000_000, true));
    }

    /** The original figure when the text still shows its value; else a new figure citing the user's source. */
    private static Figure figure(String field, String text, Figure original, String sourceId, double min, double max, boolean required) {
        Double value = optionalNumber(field, text, min, max);
        if (value == null) {
            if (required) {
                throw new InvalidInputException(field, "is required");
            }
            return null;
        }
        if (original != null && text(original).equals(text.strip())) {
            return original;
        }
        return Figure.of(value, sourceId);
    }

    private static Double optionalNumber(String field, String text, double min, double max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip().replace(",", ""));
            if (!Double.isFinite(value) || value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a number from " + format(min) + " to " + format(max) + ", was '" + text.strip() + "'");
        }
    }

    private static String required(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return text.strip();
    }

    static String text(Figure figure) {
        return figure == null || figure.value() == null ? "" : format(figure.number());
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
