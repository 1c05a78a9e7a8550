package io.inferplan.engine.uncertainty;

import java.util.List;

/**
 * What a Monte Carlo run found. Money in US dollars per month (730 hours), as in a plain evaluation.
 *
 * @param draws                  draws asked for
 * @param seed                   the seed (the same seed and draws give the same result)
 * @param validDraws             draws that made a valid scenario (the statistics are over these)
 * @param rejectedDraws          draws whose combination the scenario rules out (e.g. a peak below the drawn average)
 * @param firstRejection         why the first rejected draw was rejected (null when none was)
 * @param operatingProfitUsdPerMonth month-1 operating profit
 * @param costPerMillionOutputTokensUsd serving cost per million output tokens
 * @param gpusRequired           GPUs the fleet needs for the peak
 * @param breakEvenMonth         over the draws that break even within the horizon only (null when none does);
 *                               read it together with {@code probabilityOfBreakEven}
 * @param probabilityOfBreakEven share of valid draws whose operating profit reaches 0 within the horizon
 * @param drivers                inputs by the strength of their rank correlation with operating profit, strongest first
 * @param monthlyOperatingProfit p10/p50/p90 of each projection month's operating profit (a fan chart)
 * @param cumulativeOperatingProfit the same of the operating profit summed from month 1
 * @param operatingProfitDraws   each valid draw's month-1 operating profit, in draw order (for a histogram)
 * @param inputs                 what was drawn
 */
public record UncertaintyResult(int draws, long seed, int validDraws, int rejectedDraws, String firstRejection,
                                Percentiles operatingProfitUsdPerMonth, Percentiles costPerMillionOutputTokensUsd,
                                Percentiles gpusRequired, Percentiles breakEvenMonth, double probabilityOfBreakEven,
                                List<Driver> drivers, List<MonthBand> monthlyOperatingProfit,
                                List<MonthBand> cumulativeOperatingProfit, double[] operatingProfitDraws,
                                List<UncertainInput> inputs) {
    public UncertaintyResult {
        drivers = List.copyOf(drivers);
        monthlyOperatingProfit = List.copyOf(monthlyOperatingProfit);
        cumulativeOperatingProfit = List.copyOf(cumulativeOperatingProfit);
        operatingProfitDraws = operatingProfitDraws.clone();
        inputs = List.copyOf(inputs);
    }

    /** The 10th, 50th and 90th percentiles and the mean of a metric over the draws. */
    public record Percentiles(double p10, double p50, double p90, double mean) {
    }

    /**
     * How strongly an input drives the spread of operating profit: Spearman's rank correlation of its drawn value
     * with the draw's operating profit, -1 to 1 (the sign says the direction: dearer GPUs, lower profit).
     */
    public record Driver(String input, double rankCorrelation) {
    }

    /** One projection month's spread (month 1-based). */
    public record MonthBand(int month, double p10, double p50, double p90) {
    }

    @Override
    public double[] operatingProfitDraws() {
        return operatingProfitDraws.clone();
    }
}
