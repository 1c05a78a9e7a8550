package io.inferplan.cli;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.Figure;
import io.inferplan.catalog.PriceKind;
import io.inferplan.catalog.PriceQuote;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.model.Precision;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inferplan catalog list|show|compare}: the accelerator catalog (bundled entries and the user's own). */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "The accelerator catalog: datasheet figures with sources, prices, and your own entries.",
        subcommands = {CatalogCommand.ListEntries.class, CatalogCommand.ShowEntry.class, CatalogCommand.CompareEntries.class})
public final class CatalogCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static String number(Figure figure, String format) {
        if (figure == null) {
            return "-";
        }
        return String.format(Locale.ROOT, format, figure.number()) + (figure.isEstimate() ? "*" : "");
    }

    private static String tflops(CatalogEntry entry, Precision precision) {
        return number(entry.denseTflops().get(precision.id()), "%.0f");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every accelerator (* marks estimated figures).")
    static final class ListEntries implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--json", description = "Print a JSON array of entries (id, aliases, name, vendor, figures, prices, sources)")
        boolean json;

        @Override
        public Integer call() throws Exception {
            AcceleratorCatalog catalog = UserCatalog.catalog(spec);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonSupport.mapper().writeValueAsString(catalog.entries()));
                out.flush();
                return ExitCodes.OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ID", "NAME", "MEMORY GB", "BW GB/s", "FP32", "BF16", "FP8", "FP4", "WATTS", "ORIGIN", "SOURCES"});
            for (CatalogEntry e : catalog.entries()) {
                // The documents behind the figures, so that a part's provenance shows without `catalog show`.
                String sources = String.join(",", e.figures().values().stream().map(f -> f.source()).distinct().toList());
                rows.add(new String[] {e.id(), e.name(), number(e.memoryGB(), "%.0f"), number(e.memoryBandwidthGBps(), "%.0f"),
                        tflops(e, Precision.FP32), tflops(e, Precision.BF16), tflops(e, Precision.FP8), tflops(e, Precision.FP4),
                        number(e.boardPowerWatts(), "%.0f"), e.origin().id(), sources});
            }
            TextTable.print(out, rows);
            out.println();
            out.println("TFLOPS are dense (no sparsity); * marks a derived or estimated figure. `inferplan catalog show ID` gives each figure's source with its title, address and date.");
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one accelerator with every figure's source.")
    static final class ShowEntry implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "Id, name or alias (case and dashes ignored), e.g. H100, mi300x")
        String id;
        @Option(names = "--json", description = "Print the entry as JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CatalogEntry e = UserCatalog.catalog(spec).require("ID", id);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonSupport.mapper().writeValueAsString(e));
                out.flush();
                return ExitCodes.OK;
            }
            out.println(e.name() + "  [" + e.id() + ", " + e.origin().id() + "]");
            out.println(e.vendor() + " · " + e.family().displayName() + (e.formFactor().isEmpty() ? "" : " · " + e.formFactor())
                    + (e.memoryType().isEmpty() ? "" : " · " + e.memoryType()) + (e.scaleUpLink().isEmpty() ? "" : " · " + e.scaleUpLink()));
            if (!e.aliases().isEmpty()) {
                out.println("aliases: " + String.join(", ", e.aliases()));
            }
            out.println();
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"FIGURE", "VALUE", "SOURCE", "NOTE"});
            for (Map.Entry<String, Figure> f : e.figures().entrySet()) {
                Figure figure = f.getValue();
                String source = e.source(figure.source()).map(s -> s.citation()).orElse(figure.source());
                rows.add(new String[] {f.getKey(), trim(figure.number()) + (figure.isEstimate() ? " (estimate)" : ""), source, figure.note()});
            }
            TextTable.print(out, rows);
            if (!e.prices().isEmpty()) {
                out.println();
                List<String[]> prices = new ArrayList<>();
                prices.add(new String[] {"PRICE", "PROVIDER", "USD", "AS OF", "SOURCE"});
                for (PriceQuote p : e.prices()) {
                    String usd = p.kind().isRental() ? String.format(Locale.ROOT, "%.2f per GPU-hour", p.usdPerGpuHour())
                            : p.usdPerGpu() != null ? String.format(Locale.ROOT, "%,.0f per GPU", p.usdPerGpu())
                            : String.format(Locale.ROOT, "%,.0f per server of %d (%,.0f per GPU)", p.usdPerServer(), p.gpusPerServer(),
                                    p.purchaseUsdPerGpu().orElse(0.0));
                    if (p.serverShareUsdPerGpu() != null) {
                        usd += String.format(Locale.ROOT, " + system %,.0f per GPU", p.serverShareUsdPerGpu());
                    }
                    prices.add(new String[] {p.kind().id() + (p.termMonths() == null ? "" : " " + p.termMonths() + " mo")
                            + (p.isEstimate() ? " (estimate)" : ""), p.provider(), usd, p.asOf(),
                            e.source(p.source()).map(s -> s.title()).orElse(p.source())});
                }
                TextTable.print(out, prices);
            }
            if (!e.notes().isEmpty()) {
                out.println();
                out.println(e.notes());
            }
            out.println();
            out.println("Sources:");
            e.sources().forEach(s -> out.println("  [" + s.id() + "] " + s.citation() + (s.url().isEmpty() ? "" : " " + s.url())));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, description = "Sets accelerators side by side.")
    static final class CompareEntries implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", arity = "2..*", description = "Two or more ids, names or aliases")
        List<String> ids;
        @Option(names = "--json", description = "Print the entries as a JSON array")
        boolean json;

        @Override
        public Integer call() throws Exception {
            AcceleratorCatalog catalog = UserCatalog.catalog(spec);
            List<CatalogEntry> entries = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                entries.add(catalog.require("ID[" + (i + 1) + "]", ids.get(i)));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonSupport.mapper().writeValueAsString(entries));
                out.flush();
                return ExitCodes.OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(row("", entries, CatalogEntry::id));
            rows.add(row("memory GB", entries, e -> number(e.memoryGB(), "%.0f")));
            rows.add(row("bandwidth GB/s", entries, e -> number(e.memoryBandwidthGBps(), "%.0f")));
            for (Precision p : List.of(Precision.FP32, Precision.BF16, Precision.FP8, Precision.INT8, Precision.FP4)) {
                rows.add(row("dense " + p.id() + " TFLOPS", entries, e -> tflops(e, p)));
            }
            rows.add(row("FLOP per byte (bf16)", entries, e -> e.denseTflops(Precision.BF16)
                    .map(t -> String.format(Locale.ROOT, "%.0f", t * 1000 / e.memoryBandwidthGBps().number())).orElse("-")));
            rows.add(row("board power W", entries, e -> number(e.boardPowerWatts(), "%.0f")));
            rows.add(row("sustained tensor clock", entries, e -> e.sustainedTensorClockShare() == null ? "1"
                    : String.format(Locale.ROOT, "%.2f%s", e.sustainedTensorClockShare().number(),
                            e.sustainedTensorClockShare().isEstimate() ? "*" : "")));
            rows.add(row("scale-up GB/s per dir.", entries, e -> number(e.scaleUpGBpsPerDirection(), "%.0f")));
            rows.add(row("scale-up domain", entries, e -> number(e.scaleUpDomainSize(), "%.0f")));
            rows.add(row("scale-out Gb/s per GPU", entries, e -> number(e.scaleOutGbitsPerSecondPerGpu(), "%.0f")));
            rows.add(row("all-in W per GPU", entries, e -> e.allInWattsPerGpu()
                    .map(w -> String.format(Locale.ROOT, "%.0f", w)).orElse("-")));
            rows.add(row("on-demand $/GPU-h", entries, e -> e.preferred(PriceKind.CLOUD_ON_DEMAND)
                    .map(p -> String.format(Locale.ROOT, "%.2f", p.usdPerGpuHour())).orElse("-")));
            rows.add(row("purchase $/GPU", entries, e -> e.preferredPurchase()
                    .map(p -> String.format(Locale.ROOT, "%,.0f", p.purchaseUsdPerGpu().orElseThrow())).orElse("-")));
            rows.add(row("system share $/GPU", entries, e -> e.preferredPurchase().filter(p -> p.serverShareUsdPerGpu() != null)
                    .map(p -> String.format(Locale.ROOT, "%,.0f", p.serverShareUsdPerGpu())).orElse("-")));
            TextTable.print(out, rows);
            out.println();
            out.println("* marks a derived or estimated figure; `inferplan catalog show ID` gives every source.");
            out.flush();
            return ExitCodes.OK;
        }

        private static String[] row(String label, List<CatalogEntry> entries, Function<CatalogEntry, String> cell) {
            String[] row = new String[entries.size() + 1];
            row[0] = label;
            for (int i = 0; i < entries.size(); i++) {
                row[i + 1] = cell.apply(entries.get(i));
            }
            return row;
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%s", value);
    }
}
