package io.inferplan.cli.calibration;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.sim.ArrivalProcess;
import io.inferplan.engine.sim.CapacityResult;
import io.inferplan.engine.sim.CapacitySearch;
import io.inferplan.engine.sim.LatencyTargets;
import io.inferplan.engine.sim.LengthDistribution;
import io.inferplan.engine.sim.ReplicaSimulator;
import io.inferplan.engine.sim.RequestSet;
import io.inferplan.engine.sim.SimulatedReplica;
import io.inferplan.engine.sim.SimulationSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The serving simulator's columns for cases rows of scenario {@code load} (an offered request rate) and {@code slo}
 * (the highest Poisson rate within p99 TTFT and TPOT limits). Rows of other scenarios pass through unchanged.
 *
 * <p>A row's {@code gpus} may hold several replicas (gpus / (tensor x pipeline parallel)): a load row simulates them all
 * behind a round-robin router; an slo row finds one replica's capacity and scales it by the replicas.
 */
public final class LoadPredictions {
    public static final List<String> LOAD_COLUMNS = List.of("predicted_mean_ttft_ms", "predicted_p50_ttft_ms",
            "predicted_p99_ttft_ms", "predicted_mean_tpot_ms", "predicted_p99_tpot_ms", "predicted_requests_per_s",
            "predicted_output_tokens_per_s", "predicted_load_state");
    /** Requests simulated for a load row without num_requests: long enough for a steady state (warm-up excluded). */
    static final double OPEN_RUN_SECONDS = 600;
    static final int MIN_OPEN_REQUESTS = 4_000;
    static final int MAX_OPEN_REQUESTS = 400_000;
    static final long SEED = 20261201L;
    static final int FINITE_REPLICATIONS = 5;

    private final PerformanceModel performance;

    public LoadPredictions(PerformanceModel performance) {
        this.performance = performance;
    }

    public static boolean isLoadScenario(Map<String, String> row) {
        String scenario = row.getOrDefault("scenario", "").strip().toLowerCase(Locale.ROOT);
        return scenario.equals("load") || scenario.equals("slo");
    }

    /** The table with the simulator's columns filled for load and slo rows (errors go to the error column). */
    public CaseTable addTo(CaseTable predicted, List<CaseOutcome> outcomes) {
        boolean any = predicted.rows().stream().anyMatch(LoadPredictions::isLoadScenario);
        if (!any) {
            return predicted;
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            rows.add(withLoadColumns(predicted.rows().get(i), outcomes.get(i)));
        }
        return new CaseTable(columnsWithLoad(predicted.columns()), rows);
    }

    /** The columns with the simulator's placed before {@code error}. */
    public static List<String> columnsWithLoad(List<String> predictedColumns) {
        List<String> columns = new ArrayList<>(predictedColumns);
        int errorAt = columns.indexOf("error");
        for (String column : LOAD_COLUMNS) {
            if (!columns.contains(column)) {
                columns.add(errorAt < 0 ? columns.size() : errorAt++, column);
            }
        }
        return columns;
    }

    /** One predicted row with the simulator's cells: filled for a load or slo row, empty otherwise. */
    public Map<String, String> withLoadColumns(Map<String, String> predictedRow, CaseOutcome outcome) {
        Map<String, String> row = new LinkedHashMap<>(predictedRow);
        LOAD_COLUMNS.forEach(column -> row.putIfAbsent(column, ""));
        if (isLoadScenario(row) && !outcome.failed()) {
            try {
                fill(row, outcome.resolved());
            } catch (InvalidInputException e) {
                row.put("error", e.getMessage());
            }
        }
        return row;
    }

    private void fill(Map<String, String> row, ResolvedCase c) {
        SimulatedReplica replica = SimulatedReplica.of(performance, c.model(), c.deployment(), c.request());
        LengthDistribution input = LengthDistribution.of("input_tokens", c.request().inputTokens(),
                optional(row, "input_tokens_p90", c.request().inputTokens()));
        LengthDistribution output = LengthDistribution.of("output_tokens", c.request().outputTokens(),
                optional(row, "output_tokens_p90", c.request().outputTokens()));
        double hitRate = c.request().promptCacheHitRate();
        int replicas = c.replicas();
        // The steady-state figures of a load row are the simulated ones, not the offline maximum.
        row.put("predicted_ttft_ms", "");
        row.put("predicted_tpot_ms", "");
        row.put("predicted_batch", "");
        row.put("prediction_error_percent", "");
        String scenario = row.get("scenario").strip().toLowerCase(Locale.ROOT);
        if (scenario.equals("slo")) {
            LatencyTargets targets = LatencyTargets.p99(required(row, "max_p99_ttft_ms") / 1e3, required(row, "max_p99_tpot_ms") / 1e3);
            CapacityResult capacity = CapacitySearch.search(replica, input, output, hitRate, targets, CapacitySearch.defaultRequestsPerProbe(output.meanTokens()), SEED);
            if (!capacity.reachable()) {
                row.put("predicted_load_state", "targets unreachable");
                row.put("predicted_requests_per_s", "0.0");
                row.put("predicted_output_tokens_per_s", "0.0");
                row.put("predicted_limited_by", "latency_target");
                return;
            }
            SimulationSummary s = capacity.atCapacity();
            put(row, s, replicas);
            row.put("predicted_requests_per_s", format(capacity.maxRequestsPerSecond() * replicas, 2));
            row.put("predicted_output_tokens_per_s", format(capacity.maxRequestsPerSecond() * output.meanTokens() * replicas, 1));
            row.put("predicted_load_state", "capacity");
            row.put("predicted_limited_by", "latency_target");
            return;
        }
        double rate = required(row, "requests_per_second");
        ArrivalProcess arrivals = ArrivalProcess.parse(row.get("arrival"), rate, optional(row, "arrival_cv", 1));
        String count = row.getOrDefault("num_requests", "").strip();
        SimulationSummary s;
        if (!count.isEmpty()) {
            // A finite run like a benchmark's: every request counts, as the benchmark counted them; a few seeds
            // averaged, since one 500-request draw moves the figures by several percent.
            int total = wholeNumber(row, "num_requests");
            List<SimulationSummary> runs = new ArrayList<>();
            for (int k = 0; k < FINITE_REPLICATIONS; k++) {
                runs.add(simulate(replica, RequestSet.generate(arrivals, input, output, total, hitRate, SEED + k), replicas, 0));
            }
            s = SimulationSummary.averageOf(runs);
        } else {
            int n = (int) Math.max(MIN_OPEN_REQUESTS, Math.min(MAX_OPEN_REQUESTS, arrivals.requestsPerSecond() * OPEN_RUN_SECONDS));
            RequestSet requests = RequestSet.generate(arrivals, input, output, n, hitRate, SEED);
            s = simulate(replica, requests, replicas, requests.arrivalSeconds()[n - 1] * 0.1);
        }
        put(row, s, 1);
        row.put("predicted_load_state", s.overloaded() ? "overloaded: " + s.overloadReason() : "steady");
        if (s.overloaded()) {
            // No steady state, no tail: the percentiles of this run say only how long it was.
            row.put("predicted_p50_ttft_ms", "");
            row.put("predicted_p99_ttft_ms", "");
            row.put("predicted_p99_tpot_ms", "");
            row.put("predicted_limited_by", "overloaded");
        } else {
            row.put("predicted_limited_by", "");
        }
    }

    private static SimulationSummary simulate(SimulatedReplica replica, RequestSet requests, int replicas, double warmup) {
        return replicas == 1 ? replica.simulate(requests, warmup, null).summary()
                : replica.simulateFleet(requests, replicas, ReplicaSimulator.Router.ROUND_ROBIN, warmup, null).summary();
    }

    private static void put(Map<String, String> row, SimulationSummary s, int replicas) {
        row.put("predicted_mean_ttft_ms", format(s.ttft().meanSeconds() * 1e3, 1));
        row.put("predicted_p50_ttft_ms", format(s.ttft().p50Seconds() * 1e3, 1));
        row.put("predicted_p99_ttft_ms", format(s.ttft().p99Seconds() * 1e3, 1));
        row.put("predicted_mean_tpot_ms", s.tpot().count() == 0 ? "" : format(s.tpot().meanSeconds() * 1e3, 2));
        row.put("predicted_p99_tpot_ms", s.tpot().count() == 0 ? "" : format(s.tpot().p99Seconds() * 1e3, 2));
        row.put("predicted_requests_per_s", format(s.achievedRequestsPerSecond() * replicas, 2));
        row.put("predicted_output_tokens_per_s", format(s.outputTokensPerSecond() * replicas, 1));
    }

    /** Accuracy of the load rows against their measured_* columns, as a small markdown table; empty when none. */
    public static String accuracyMarkdown(CaseTable table) {
        return accuracyMarkdown(table.rows());
    }

    /** As above, over any rows (the load rows a streamed run kept). */
    public static String accuracyMarkdown(Iterable<Map<String, String>> tableRows) {
        List<Double> ttft = new ArrayList<>();
        List<Double> itl = new ArrayList<>();
        int saturatedMeasured = 0;
        int saturatedAgree = 0;
        int rows = 0;
        for (Map<String, String> row : tableRows) {
            if (!isLoadScenario(row) || row.getOrDefault("predicted_mean_ttft_ms", "").isEmpty()) {
                continue;
            }
            rows++;
            addError(ttft, row, "predicted_mean_ttft_ms", "measured_mean_ttft_ms");
            addError(itl, row, "predicted_mean_tpot_ms", "measured_mean_itl_ms");
            String measuredRps = row.getOrDefault("measured_requests_per_s", "");
            String offered = row.getOrDefault("requests_per_second", "");
            if (!measuredRps.isEmpty() && !offered.isEmpty()) {
                boolean measuredSaturated = Double.parseDouble(measuredRps) < 0.9 * Double.parseDouble(offered);
                boolean predictedSaturated = Double.parseDouble(row.get("predicted_requests_per_s")) < 0.9 * Double.parseDouble(offered);
                saturatedMeasured += measuredSaturated ? 1 : 0;
                saturatedAgree += measuredSaturated == predictedSaturated ? 1 : 0;
            }
        }
        if (ttft.isEmpty() && itl.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("| metric | rows | median abs error | p80 abs error | median signed |\n|---|---:|---:|---:|---:|\n");
        line(s, "mean TTFT", ttft);
        line(s, "mean ITL (TPOT)", itl);
        s.append(String.format(Locale.ROOT, "%nSaturation (achieved below 90%% of offered): %d of %d rows measured saturated; "
                + "predicted the same way in %d of %d rows.%n", saturatedMeasured, rows, saturatedAgree, rows));
        return s.toString();
    }

    private static void addError(List<Double> errors, Map<String, String> row, String predicted, String measured) {
        String p = row.getOrDefault(predicted, "");
        String m = row.getOrDefault(measured, "");
        if (!p.isEmpty() && !m.isEmpty()) {
            errors.add((Double.parseDouble(p) - Double.parseDouble(m)) / Double.parseDouble(m) * 100);
        }
    }

    private static void line(StringBuilder s, String name, List<Double> errors) {
        if (errors.isEmpty()) {
            return;
        }
        double[] abs = errors.stream().mapToDouble(Math::abs).sorted().toArray();
        double[] signed = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        s.append(String.format(Locale.ROOT, "| %s | %d | %.1f%% | %.1f%% | %+.1f%% |%n", name, abs.length, median(abs),
                abs[(int) Math.min(abs.length - 1, Math.ceil(0.8 * abs.length) - 1)], median(signed)));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double required(Map<String, String> row, String column) {
        String text = row.getOrDefault(column, "").strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(column, "is required for scenario " + row.get("scenario").strip());
        }
        return number(column, text);
    }

    private static double optional(Map<String, String> row, String column, double fallback) {
        String text = row.getOrDefault(column, "").strip();
        return text.isEmpty() ? fallback : number(column, text);
    }

    private static int wholeNumber(Map<String, String> row, String column) {
        double value = required(row, column);
        if (value != Math.rint(value) || value < 1 || value > RequestSet.MAX_REQUESTS) {
            throw new InvalidInputException(column, "must be a whole number from 1 to " + RequestSet.MAX_REQUESTS + ", was '"
                    + row.get(column).strip() + "'");
        }
        return (int) value;
    }

    private static double number(String column, String text) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(column, "must be a number, was '" + text + "'");
    }

    private static String format(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "";
    }
}
