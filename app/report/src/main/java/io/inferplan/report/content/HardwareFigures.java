package io.inferplan.report.content;

import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.Figure;
import io.inferplan.catalog.PriceQuote;
import io.inferplan.cli.text.Formats;
import io.inferplan.report.document.Block;
import io.inferplan.report.document.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The accelerator's datasheet figures and prices, each with its source and that source's date, as `catalog show` gives them. */
final class HardwareFigures {
    /** Units of the catalog's fields, for a reader who does not know the field names. */
    private static final Map<String, String> UNITS = Map.of("memoryGB", "GB", "memoryBandwidthGBps", "GB/s",
            "boardPowerWatts", "W", "scaleUpGBpsPerDirection", "GB/s per direction", "hostLinkGBpsPerDirection",
            "GB/s per direction", "scaleOutGbitsPerSecondPerGpu", "Gbit/s per GPU", "systemWattsPerGpu", "W per GPU",
            "scaleUpDomainSize", "GPUs");

    private HardwareFigures() {
    }

    static Section of(ScenarioFacts facts, String heading) {
        CatalogEntry e = facts.hardware();
        if (e == null) {
            return new Section(heading, Block.Paragraph.of(facts.result().accelerator()
                    + " is not a catalog part (a measured or custom accelerator): its figures are the scenario's own, listed under Inputs."));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.Paragraph.of(e.name() + " · " + e.vendor() + " · " + e.family().displayName()
                + (e.formFactor().isEmpty() ? "" : " · " + e.formFactor()) + (e.memoryType().isEmpty() ? "" : " · " + e.memoryType())
                + " (catalog entry " + e.id() + ", " + e.origin().id() + ")"));
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Figure> f : e.figures().entrySet()) {
            Figure figure = f.getValue();
            String source = e.source(figure.source()).map(s -> s.citation()).orElse(figure.source());
            String value = figureValue(f.getKey(), figure.number()) + (figure.isEstimate() ? " (estimate)" : "");
            rows.add(List.of(f.getKey(), value, source + (figure.note().isEmpty() ? "" : "; " + figure.note())));
        }
        blocks.add(new Block.Table(List.of("Figure", "Value", "Source (date)"), rows, List.of(0.3, 0.2, 0.5), List.of(false, true, false)));
        if (!e.prices().isEmpty()) {
            List<List<String>> prices = new ArrayList<>();
            for (PriceQuote p : e.prices()) {
                prices.add(List.of(p.kind().id() + (p.termMonths() == null ? "" : " " + p.termMonths() + " months")
                                + (p.isEstimate() ? " (estimate)" : ""), p.provider(), price(p), p.asOf(),
                        e.source(p.source()).map(s -> s.title()).orElse(p.source())));
            }
            blocks.add(new Block.Table(List.of("Price", "Provider", "USD", "As of", "Source"), prices,
                    List.of(0.17, 0.17, 0.26, 0.11, 0.29), List.of(false, false, true, false, false)));
        }
        List<List<String>> sources = new ArrayList<>();
        e.sources().forEach(s -> sources.add(List.of(s.id(), s.title() + (s.url().isEmpty() ? "" : " " + s.url()), s.date())));
        if (!sources.isEmpty()) {
            blocks.add(new Block.Table(List.of("Source", "Document", "Date"), sources, List.of(0.2, 0.65, 0.15), List.of(false, false, false)));
        }
        return new Section(heading, blocks);
    }

    private static String figureValue(String field, double value) {
        if (field.startsWith("denseTflops") || field.startsWith("sparseTflops")) {
            return Formats.number(value) + " TFLOPS";
        }
        if (field.equals("releaseYear")) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        String unit = UNITS.get(field);
        return unit == null ? Formats.number(value) : Formats.number(value) + " " + unit;
    }

    private static String price(PriceQuote p) {
        if (p.kind().isRental()) {
            return Formats.usd(p.usdPerGpuHour()) + " per GPU-hour";
        }
        String usd = p.usdPerGpu() != null ? Formats.usd(p.usdPerGpu()) + " per GPU"
                : Formats.usd(p.usdPerServer()) + " per server of " + p.gpusPerServer() + " ("
                + Formats.usd(p.purchaseUsdPerGpu().orElse(0.0)) + " per GPU)";
        return p.serverShareUsdPerGpu() == null ? usd : usd + " + system " + Formats.usd(p.serverShareUsdPerGpu()) + " per GPU";
    }
}
