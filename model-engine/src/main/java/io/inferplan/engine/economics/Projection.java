package io.inferplan.engine.economics;

import static io.inferplan.engine.Checks.present;

import io.inferplan.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scenario forward month by month. Pure arithmetic: the replica throughput for a generation and request
 * shape comes from the caller, who caches it (shapes change at most once a year, so a 36-month projection needs a
 * handful of performance estimates, not 36).
 *
 * <p>Fleet: owned GPUs, once bought, stay in service and their capacity is used first; what is still missing for
 * the peak is bought (owned generation) or rented for the month (rented generation) on the generation current that
 * month. Owned GPUs carry their capital recovery while being written off and their running costs for as long as
 * they run.
 */
public final class Projection {

    /** One accelerator generation: the deployment's own, and possibly a newer one from a later month. */
    public record Generation(String accelerator, int fromMonth, int gpusPerReplica, CostModel cost, double boardPowerWatts) {
        public Generation {
            present("generation.cost", cost);
        }
    }

    /** Requests per second one replica of generation {@code generationIndex} completes for requests of {@code tokens}. */
    @FunctionalInterface
    public interface ReplicaThroughput {
        double requestsPerSecond(int generationIndex, RequestTokens tokens);
    }

    /**
     * @param generations       the first one from month 1; later ones in order of their fromMonth
     * @param fixedCostsUsdPerMonth the scenario's fixed monthly costs (not the fleet)
     */
    public record Inputs(ProjectionSettings settings, RequestTokens tokens, double averageRequestsPerSecond,
                         double peakRequestsPerSecond, double plannedUtilization, int minReplicas,
                         List<Generation> generations, PricingPlan pricing, double fixedCostsUsdPerMonth) {
        public Inputs {
            generations = List.copyOf(generations);
        }
    }

    private static final class OwnedCohort {
        final int generation;
        final int purchaseMonth;
        final long replicas;
        final long gpus;
        final GpuHourCost cost;
        final int writeOffMonths;

        OwnedCohort(int generation, int purchaseMonth, long replicas, long gpus, GpuHourCost cost, int writeOffMonths) {
            this.generation = generation;
            this.purchaseMonth = purchaseMonth;
            this.replicas = replicas;
            this.gpus = gpus;
            this.cost = cost;
            this.writeOffMonths = writeOffMonths;
        }

        double monthlyCostUsd(int month) {
            boolean writingOff = month - purchaseMonth < writeOffMonths;
            return gpus * GpuHourCost.HOURS_PER_MONTH * (cost.runningUsdPerGpuHour() + (writingOff ? cost.capitalUsdPerGpuHour() : 0));
        }

        double runningCashUsd() {
            return gpus * GpuHourCost.HOURS_PER_MONTH * cost.runningUsdPerGpuHour();
        }
    }

    /**
     * More GPUs than this in one fleet is outside anything physical (the world's data-centre accelerators number a few
     * million): a projection that gets there says which input drove it instead of printing a number.
     */
    public static final long MAX_FLEET_GPUS = 10_000_000;

    private Projection() {
    }

    public static ProjectionResult run(Inputs in, ReplicaThroughput throughput) {
        ProjectionSettings settings = in.settings();
        List<OwnedCohort> owned = new ArrayList<>();
        List<ProjectionMonth> months = new ArrayList<>();
        double cumulativeCash = 0;
        Integer breakEvenMonth = null;
        Integer paybackMonth = null;
        double totalRevenue = 0;
        double totalCost = 0;
        double totalProfit = 0;
        long peakGpus = 0;
        for (int month = 1; month <= settings.months(); month++) {
            int current = generationAt(in.generations(), month);
            Generation generation = in.generations().get(current);
            double demand = settings.demandFactor(month);
            double hardwareFactor = settings.hardwareCostFactor(month);
            RequestTokens tokens = tokensAt(in.tokens(), settings, month);
            double averageRps = in.averageRequestsPerSecond() * demand;
            double requiredRps = in.peakRequestsPerSecond() * demand / in.plannedUtilization();

            double ownedRps = 0;
            long ownedReplicas = 0;
            for (OwnedCohort cohort : owned) {
                ownedRps += cohort.replicas * throughput.requestsPerSecond(cohort.generation, tokens);
                ownedReplicas += cohort.replicas;
            }
            double replicaRps = throughput.requestsPerSecond(current, tokens);
            double missingReplicas = Math.max(0, Math.ceil((requiredRps - ownedRps) / replicaRps - 1e-9));
            if (!(missingReplicas * generation.gpusPerReplica() <= MAX_FLEET_GPUS)) {
                throw fleetOutOfRange(settings, month, in.tokens(), tokens);
            }
            long missing = Math.max((long) missingReplicas, Math.max(1, in.minReplicas()) - ownedReplicas);
            GpuHourCost newCost = GpuHourCost.of(generation.cost(), generation.boardPowerWatts(), hardwareFactor);
            double capex = 0;
            double rentUsd = 0;
            long missingGpus = missing * generation.gpusPerReplica();
            if (missing > 0 && generation.cost() instanceof CostModel.Own own) {
                int writeOffMonths = (int) Math.round(own.depreciationYears() * 12);
                owned.add(new OwnedCohort(current, month, missing, missingGpus, newCost, writeOffMonths));
                capex = missingGpus * own.capexUsdPerGpu() * hardwareFactor;
            } else {
                rentUsd = missingGpus * GpuHourCost.HOURS_PER_MONTH * newCost.totalUsdPerGpuHour();
            }
            long gpus = owned.stream().mapToLong(c -> c.gpus).sum() + (generation.cost() instanceof CostModel.Own ? 0 : missingGpus);
            if (gpus > MAX_FLEET_GPUS) {
                throw fleetOutOfRange(settings, month, in.tokens(), tokens);
            }
            final int m = month;
            double servingCost = rentUsd + owned.stream().mapToDouble(c -> c.monthlyCostUsd(m)).sum();
            double runningCash = rentUsd + owned.stream().mapToDouble(OwnedCohort::runningCashUsd).sum();

            double requestsPerMonth = averageRps * BreakEven.SECONDS_PER_MONTH;
            double priceFactor = settings.priceFactor(month);
            double revenue = 0;
            for (PricingTier tier : in.pricing().tiers()) {
                revenue += TierEconomics.of(tier.withPricesScaled(priceFactor), in.pricing().billReasoningTokensAsOutput(),
                        tokens, requestsPerMonth, 0, 0).revenueUsdPerMonth();
            }
            double fixed = in.fixedCostsUsdPerMonth();
            double margin = revenue - servingCost;
            double profit = margin - fixed;
            double cashFlow = revenue - runningCash - fixed - capex;
            cumulativeCash += cashFlow;
            double tokensPerMonth = requestsPerMonth * tokens.totalTokens();
            if (breakEvenMonth == null && profit >= 0) {
                breakEvenMonth = month;
            }
            if (paybackMonth == null && cumulativeCash >= 0) {
                paybackMonth = month;
            }
            totalRevenue += revenue;
            totalCost += servingCost + fixed;
            totalProfit += profit;
            peakGpus = Math.max(peakGpus, gpus);
            months.add(new ProjectionMonth(month, generation.accelerator(), demand, averageRps, tokensPerMonth, gpus, revenue,
                    servingCost, fixed, margin, TierEconomics.percentOf(margin, revenue), profit, capex, cashFlow,
                    cumulativeCash, tokensPerMonth > 0 ? servingCost / tokensPerMonth * 1e6 : 0));
        }
        return new ProjectionResult(months, breakEvenMonth, paybackMonth, totalRevenue, totalCost, totalProfit, peakGpus);
    }

    /** Names the projection setting that grew the load out of range: the one that multiplied it most. */
    static InvalidInputException fleetOutOfRange(ProjectionSettings settings, int month, RequestTokens start, RequestTokens now) {
        double demand = settings.demandFactor(month);
        double tokens = now.totalTokens() / Math.max(1e-300, start.totalTokens());
        String field;
        if (demand >= tokens) {
            field = settings.priceElasticity() > 0 && Math.pow(1 + settings.demandGrowthPerMonth(), month - 1) < demand / 10
                    ? "projection.priceElasticity" : "projection.demandGrowthPerMonth";
        } else {
            field = settings.reasoningTokenFactor(month) >= settings.contextFactor(month)
                    ? "projection.reasoningTokenGrowthPerYear" : "projection.contextGrowthPerYear";
        }
        return new InvalidInputException(field, String.format(java.util.Locale.ROOT,
                "by month %d the load has grown %sx (demand %sx, tokens per request %sx) and would need more than %,d GPUs, "
                        + "beyond any real fleet; lower it or shorten projection.months",
                month, times(demand * tokens), times(demand), times(tokens), MAX_FLEET_GPUS));
    }

    private static String times(double factor) {
        return factor < 1e4 ? String.format(java.util.Locale.ROOT, "%.1f", factor) : String.format(java.util.Locale.ROOT, "%.1e", factor);
    }

    /** The request shape in {@code month}: contexts and reasoning grown by their yearly steps. */
    public static RequestTokens tokensAt(RequestTokens base, ProjectionSettings settings, int month) {
        double context = settings.contextFactor(month);
        double reasoning = settings.reasoningTokenFactor(month);
        if (context == 1 && reasoning == 1) {
            return base;
        }
        try {
            return new RequestTokens(base.uncachedInputTokens() * context, base.cachedInputTokens() * context,
                    base.visibleOutputTokens(), base.reasoningTokens() * reasoning);
        } catch (InvalidInputException e) {
            String field = e.field().contains("reasoning") ? "projection.reasoningTokenGrowthPerYear" : "projection.contextGrowthPerYear";
            throw new InvalidInputException(field, "grows requests beyond what one request may hold by month " + month
                    + " (" + e.reason() + "); lower it or shorten projection.months");
        }
    }

    static int generationAt(List<Generation> generations, int month) {
        int index = 0;
        for (int i = 0; i < generations.size(); i++) {
            if (generations.get(i).fromMonth() <= month) {
                index = i;
            }
        }
        return index;
    }
}
