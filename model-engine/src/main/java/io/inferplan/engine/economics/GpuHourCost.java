package io.inferplan.engine.economics;

import static io.inferplan.engine.Checks.nonNegative;
import static io.inferplan.engine.Checks.positive;

/**
 * The cost of one GPU for one hour, broken down so a reader can see where it comes from. For rented GPUs
 * everything is in {@code rentUsd}; for owned ones the other items add up to the total.
 *
 * @param rentUsd          the rental rate
 * @param depreciationUsd  capex written off straight-line over the depreciation years
 * @param capitalUsd       interest on the capital tied up (the annuity minus depreciation)
 * @param powerUsd         (board power + server overhead) x PUE x electricity price
 * @param hostingUsd       IT load in kW x hosting price per kW-month / hours per month
 * @param operationsUsd    operations share of capex per year / hours per year
 * @param totalUsdPerGpuHour the sum
 */
public record GpuHourCost(double rentUsd, double depreciationUsd, double capitalUsd, double powerUsd, double hostingUsd,
                          double operationsUsd, double totalUsdPerGpuHour) {

    public static final double HOURS_PER_YEAR = 8760;
    public static final double HOURS_PER_MONTH = HOURS_PER_YEAR / 12;

    /**
     * The cost per GPU-hour of {@code model} for an accelerator drawing {@code boardPowerWatts}, with hardware
     * prices (rent or purchase) scaled by {@code hardwarePriceFactor} (1 today; below 1 as hardware gets cheaper).
     */
    public static GpuHourCost of(CostModel model, double boardPowerWatts, double hardwarePriceFactor) {
        nonNegative("boardPowerWatts", boardPowerWatts, 100_000);
        positive("hardwarePriceFactor", hardwarePriceFactor, 100);
        return switch (model) {
            case CostModel.Rent rent -> {
                double rate = rent.usdPerGpuHour() * hardwarePriceFactor;
                yield new GpuHourCost(rate, 0, 0, 0, 0, 0, rate);
            }
            case CostModel.Own own -> owned(own, boardPowerWatts, hardwarePriceFactor);
        };
    }

    private static GpuHourCost owned(CostModel.Own own, double boardPowerWatts, double hardwarePriceFactor) {
        double capex = own.capexUsdPerGpu() * hardwarePriceFactor;
        double annuityPerYear = capex * capitalRecoveryFactor(own.costOfCapitalPerYear(), own.depreciationYears());
        double depreciation = capex / own.depreciationYears() / HOURS_PER_YEAR;
        double capital = annuityPerYear / HOURS_PER_YEAR - depreciation;
        double itKilowatts = itKilowattsPerGpu(own, boardPowerWatts);
        double power = itKilowatts * own.powerUsageEffectiveness() * own.usdPerKilowattHour();
        double hosting = itKilowatts * own.hostingUsdPerKilowattMonth() / HOURS_PER_MONTH;
        double operations = capex * own.operationsShareOfCapexPerYear() / HOURS_PER_YEAR;
        return new GpuHourCost(0, depreciation, capital, power, hosting, operations,
                depreciation + capital + power + hosting + operations);
    }

    /** IT load of one GPU with its share of the server, in kW. */
    public static double itKilowattsPerGpu(CostModel.Own own, double boardPowerWatts) {
        return (boardPowerWatts + own.serverOverheadWattsPerGpu()) / 1000.0;
    }

    /**
     * Share of the capital repaid each year so that, with interest at {@code rate}, it is repaid in {@code years}:
     * r / (1 - (1 + r)^-n); 1/n when the rate is 0.
     */
    public static double capitalRecoveryFactor(double rate, double years) {
        return rate == 0 ? 1 / years : rate / (1 - Math.pow(1 + rate, -years));
    }

    /** The part that stops once the hardware is written off: depreciation and capital. */
    public double capitalUsdPerGpuHour() {
        return depreciationUsd + capitalUsd;
    }

    /** What keeps being paid while the GPU runs: rent, or power, hosting and operations. */
    public double runningUsdPerGpuHour() {
        return rentUsd + powerUsd + hostingUsd + operationsUsd;
    }
}
