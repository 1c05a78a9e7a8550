package io.inferplan.catalog;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.nonNegative;
import static io.inferplan.engine.Checks.present;
import static io.inferplan.engine.Checks.positive;
import static io.inferplan.engine.Checks.text;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.inferplan.engine.InvalidInputException;
import java.util.Optional;

/**
 * A price for an accelerator, with its source. Purchase prices are per GPU ({@code usdPerGpu}) or per server
 * ({@code usdPerServer} with {@code gpusPerServer}); rental prices are per GPU-hour.
 *
 * <p>A purchase price may say what the rest of the system costs per GPU ({@code serverShareUsdPerGpu}: host,
 * network, storage, rack). With {@code usdPerGpu} the share comes on top of the accelerator's price; with
 * {@code usdPerServer} the server price is the whole system and the share is the part of it that is not the
 * accelerators. Either way {@link #purchaseUsdPerGpu()} is the accelerator and {@link #capexUsdPerGpu()} the whole.
 *
 * @param provider             who sells or rents it ("NVIDIA", "AWS p5.48xlarge us-east-1", "Lambda")
 * @param termMonths           commitment length for committed-use prices
 * @param asOf                 when the price was read (prices move; always dated)
 * @param serverShareUsdPerGpu purchase prices only: the system around each accelerator, see above
 * @param origin               {@link EntryOrigin#USER} for a price the user typed, which wins over the bundled ones
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "provider", "usdPerGpu", "usdPerServer", "gpusPerServer", "serverShareUsdPerGpu",
        "usdPerGpuHour", "termMonths", "source", "asOf", "estimate", "note", "origin"})
public record PriceQuote(
        PriceKind kind,
        String provider,
        Double usdPerGpu,
        Double usdPerServer,
        Integer gpusPerServer,
        Double usdPerGpuHour,
        Integer termMonths,
        String source,
        String asOf,
        Boolean estimate,
        String note,
        Double serverShareUsdPerGpu,
        EntryOrigin origin) {

    public PriceQuote {
        present("price.kind", kind);
        provider = text("price.provider", provider);
        source = text("price.source", source);
        asOf = text("price.asOf", asOf);
        if (!asOf.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            throw new InvalidInputException("price.asOf", "must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD, was '" + asOf + "'");
        }
        if (kind.isRental()) {
            present("price.usdPerGpuHour", usdPerGpuHour);
            positive("price.usdPerGpuHour", usdPerGpuHour, 10_000);
            if (usdPerGpu != null || usdPerServer != null || serverShareUsdPerGpu != null) {
                throw new InvalidInputException("price.usdPerGpu", "a rental price (" + kind.id() + ") gives usdPerGpuHour only");
            }
        } else {
            if (usdPerGpuHour != null) {
                throw new InvalidInputException("price.usdPerGpuHour", "a purchase price (" + kind.id() + ") gives usdPerGpu or usdPerServer");
            }
            if (serverShareUsdPerGpu != null) {
                double sharePerGpu = nonNegative("price.serverShareUsdPerGpu", serverShareUsdPerGpu, 100_000_000);
                if (usdPerGpu == null && usdPerServer != null && gpusPerServer != null
                        && sharePerGpu >= usdPerServer / gpusPerServer) {
                    throw new InvalidInputException("price.serverShareUsdPerGpu", "is part of the server price and must be below "
                            + "usdPerServer / gpusPerServer (" + usdPerServer / gpusPerServer + "), was " + sharePerGpu);
                }
            }
            if (usdPerGpu == null && usdPerServer == null) {
                throw new InvalidInputException("price.usdPerGpu", "a purchase price needs usdPerGpu or usdPerServer with gpusPerServer");
            }
            if (usdPerGpu != null) {
                positive("price.usdPerGpu", usdPerGpu, 100_000_000);
            }
            if (usdPerServer != null) {
                positive("price.usdPerServer", usdPerServer, 1_000_000_000);
                present("price.gpusPerServer", gpusPerServer);
            }
        }
        if (gpusPerServer != null) {
            inRange("price.gpusPerServer", gpusPerServer, 1, 100_000);
        }
        if (termMonths != null) {
            inRange("price.termMonths", termMonths, 1, 120);
        }
        if (kind == PriceKind.CLOUD_COMMITTED) {
            present("price.termMonths", termMonths);
        }
        note = note == null || note.isBlank() ? null : note.strip();
        estimate = Boolean.TRUE.equals(estimate) ? Boolean.TRUE : null;
        // Bundled is the default and stays out of the JSON; only the user's own prices carry an origin.
        origin = origin == EntryOrigin.USER ? EntryOrigin.USER : null;
    }

    /** A price without a system share, bundled. */
    public PriceQuote(PriceKind kind, String provider, Double usdPerGpu, Double usdPerServer, Integer gpusPerServer,
                      Double usdPerGpuHour, Integer termMonths, String source, String asOf, Boolean estimate, String note) {
        this(kind, provider, usdPerGpu, usdPerServer, gpusPerServer, usdPerGpuHour, termMonths, source, asOf, estimate, note,
                null, null);
    }

    /** The same price marked as the user's own, so that it wins over the bundled ones. */
    public PriceQuote asUsers() {
        return new PriceQuote(kind, provider, usdPerGpu, usdPerServer, gpusPerServer, usdPerGpuHour, termMonths, source, asOf,
                estimate, note, serverShareUsdPerGpu, EntryOrigin.USER);
    }

    @JsonIgnore
    public boolean isUsers() {
        return origin == EntryOrigin.USER;
    }

    /**
     * Purchase price of the accelerator itself: the per-GPU figure, or the server price shared over its GPUs less
     * the system's share in it.
     */
    @JsonIgnore
    public Optional<Double> purchaseUsdPerGpu() {
        if (kind.isRental()) {
            return Optional.empty();
        }
        return Optional.of(usdPerGpu != null ? usdPerGpu : usdPerServer / gpusPerServer - systemShareUsdPerGpu());
    }

    /** The system's share per GPU the quote gives, 0 when it gives none (the scenario's own figure applies then). */
    @JsonIgnore
    public double systemShareUsdPerGpu() {
        return serverShareUsdPerGpu == null ? 0 : serverShareUsdPerGpu;
    }

    /** Accelerator and its share of the system, per GPU; empty for rental prices. */
    @JsonIgnore
    public Optional<Double> capexUsdPerGpu() {
        return purchaseUsdPerGpu().map(gpu -> gpu + systemShareUsdPerGpu());
    }

    @JsonIgnore
    public boolean isEstimate() {
        return Boolean.TRUE.equals(estimate);
    }
}
