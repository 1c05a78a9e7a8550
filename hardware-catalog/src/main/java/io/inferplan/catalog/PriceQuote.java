package io.inferplan.catalog;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.present;
import static io.inferplan.engine.Checks.positive;
import static io.inferplan.engine.Checks.text;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.inferplan.engine.InvalidInputException;
import java.util.Optional;

/**
 * A price for an accelerator, with its source. Purchase prices are per GPU ({@code usdPerGpu}) or per server
 * ({@code usdPerServer} with {@code gpusPerServer}); rental prices are per GPU-hour.
 *
 * @param provider   who sells or rents it ("NVIDIA", "AWS p5.48xlarge us-east-1", "Lambda")
 * @param termMonths commitment length for committed-use prices
 * @param asOf       when the price was read (prices move; always dated)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
        String note) {

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
            if (usdPerGpu != null || usdPerServer != null) {
                throw new InvalidInputException("price.usdPerGpu", "a rental price (" + kind.id() + ") gives usdPerGpuHour only");
            }
        } else {
            if (usdPerGpuHour != null) {
                throw new InvalidInputException("price.usdPerGpuHour", "a purchase price (" + kind.id() + ") gives usdPerGpu or usdPerServer");
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
    }

    /** Purchase price per GPU: the per-GPU figure, or the server price shared over its GPUs. */
    @JsonIgnore
    public Optional<Double> purchaseUsdPerGpu() {
        if (kind.isRental()) {
            return Optional.empty();
        }
        return Optional.of(usdPerGpu != null ? usdPerGpu : usdPerServer / gpusPerServer);
    }

    @JsonIgnore
    public boolean isEstimate() {
        return Boolean.TRUE.equals(estimate);
    }
}
