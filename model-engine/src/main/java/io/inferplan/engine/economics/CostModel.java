package io.inferplan.engine.economics;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.nonNegative;
import static io.inferplan.engine.Checks.positive;
import static io.inferplan.engine.Checks.present;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What one GPU costs to have: rented by the hour, or owned (bought, powered, hosted and run).
 * In JSON the {@code basis} field picks the kind: {@code "rent"} or {@code "own"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "basis")
@JsonSubTypes({@JsonSubTypes.Type(value = CostModel.Rent.class, name = "rent"),
        @JsonSubTypes.Type(value = CostModel.Own.class, name = "own")})
public sealed interface CostModel {

    /**
     * True when the fleet is a commitment paid whether or not it is used (owned hardware, reserved capacity):
     * break-even then counts it as a fixed cost. On-demand and spot rental scale with use and count as variable.
     */
    boolean fleetCostIsFixed();

    /**
     * Rented capacity at a flat hourly rate per GPU.
     *
     * @param term           on-demand, reserved (a 1-3 year commitment) or spot (interruptible)
     * @param usdPerGpuHour  the rate per GPU-hour for that term, all-in (the cloud's server, power and hosting included)
     * @param source         where the rate comes from (price page and date), for the reader
     */
    record Rent(RentalTerm term, double usdPerGpuHour, String source) implements CostModel {
        public Rent {
            term = term == null ? RentalTerm.ON_DEMAND : term;
            positive("usdPerGpuHour", usdPerGpuHour, 10_000);
            source = source == null ? "" : source;
        }

        @Override
        public boolean fleetCostIsFixed() {
            return term == RentalTerm.RESERVED;
        }
    }

    /**
     * Owned hardware. Capital is recovered as an annuity over the depreciation years at the cost of capital
     * (straight-line depreciation plus interest on what is still tied up); running costs follow the power drawn.
     *
     * @param priceUsdPerGpu                 purchase price of one accelerator
     * @param serverShareUsdPerGpu           the GPU's share of the server, network and storage around it
     * @param depreciationYears              years over which the hardware is written off (1-10)
     * @param costOfCapitalPerYear           cost of capital as a share per year (0.08 = 8%)
     * @param serverOverheadWattsPerGpu      host CPU, NICs, fans per GPU, on top of the accelerator's board power
     * @param powerUsageEffectiveness        data-centre PUE (1.0-3.0)
     * @param usdPerKilowattHour             electricity price
     * @param hostingUsdPerKilowattMonth     colocation / floor space per kW of IT load per month
     * @param operationsShareOfCapexPerYear  support, spares and hardware staff as a share of capex per year
     * @param source                         where the prices come from
     */
    record Own(double priceUsdPerGpu, double serverShareUsdPerGpu, double depreciationYears, double costOfCapitalPerYear,
               double serverOverheadWattsPerGpu, double powerUsageEffectiveness, double usdPerKilowattHour,
               double hostingUsdPerKilowattMonth, double operationsShareOfCapexPerYear, String source) implements CostModel {
        public Own {
            positive("priceUsdPerGpu", priceUsdPerGpu, 10_000_000);
            nonNegative("serverShareUsdPerGpu", serverShareUsdPerGpu, 10_000_000);
            inRange("depreciationYears", depreciationYears, 1, 10);
            inRange("costOfCapitalPerYear", costOfCapitalPerYear, 0, 1);
            nonNegative("serverOverheadWattsPerGpu", serverOverheadWattsPerGpu, 100_000);
            inRange("powerUsageEffectiveness", powerUsageEffectiveness, 1, 3);
            nonNegative("usdPerKilowattHour", usdPerKilowattHour, 10);
            nonNegative("hostingUsdPerKilowattMonth", hostingUsdPerKilowattMonth, 10_000);
            inRange("operationsShareOfCapexPerYear", operationsShareOfCapexPerYear, 0, 1);
            source = source == null ? "" : source;
        }

        public double capexUsdPerGpu() {
            return priceUsdPerGpu + serverShareUsdPerGpu;
        }

        @Override
        public boolean fleetCostIsFixed() {
            return true;
        }
    }

    static CostModel require(String field, CostModel model) {
        return present(field, model);
    }
}
