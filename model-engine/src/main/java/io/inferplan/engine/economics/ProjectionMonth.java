package io.inferplan.engine.economics;

/**
 * One month of a projection. Money is per month; cumulative cash counts hardware purchases when they are paid.
 *
 * @param accelerator          the generation new capacity is bought or rented on that month
 * @param demandFactor         requests relative to month 1 (growth and the response to price)
 * @param gpus                 GPUs in service (owned ones are kept once bought)
 * @param servingCostUsd       the fleet: rent, or owned GPUs' capital recovery (while being written off) and running costs
 * @param grossMarginUsd       revenue - serving cost
 * @param operatingProfitUsd   gross margin - fixed costs
 * @param capexUsd             hardware bought that month
 * @param cashFlowUsd          revenue - rent - running costs - fixed costs - capex
 */
public record ProjectionMonth(int month, String accelerator, double demandFactor, double averageRequestsPerSecond,
                              double tokensPerMonth, long gpus, double revenueUsd, double servingCostUsd,
                              double fixedCostsUsd, double grossMarginUsd, Double grossMarginPercent,
                              double operatingProfitUsd, double capexUsd, double cashFlowUsd, double cumulativeCashUsd,
                              double costPerMillionTokensUsd) {
}
