package io.inferplan.engine.solve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.economics.PricingTier;
import io.inferplan.engine.scenario.DocumentPaths;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.scenario.ScenarioResolver;
import io.inferplan.engine.scenario.ScenarioResult;
import io.inferplan.engine.sim.SimulationProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Solves for a target by moving one input of a scenario document, by path (the same moves as sensitivity and the
 * uncertainty draws). The input's allowed range is scanned on {@value #SCAN_POINTS} points for a change of sign of
 * (result - target), the bracket nearest the scenario's own value is narrowed by bisection, and the answer is the
 * document with the input set there. Bisection rather than a faster secant method because every result steps when
 * the fleet gains or loses a replica; when the target falls inside such a step the answer says so. A target out of
 * reach is reported with the closest result the range gives and the input value there.
 */
public final class GoalSeek {
    static final int SCAN_POINTS = 48;
    private static final int BISECTIONS = 60;
    /** A result within this share of the target (at least 1e-6 of its unit) counts as reached. */
    public static final double TOLERANCE = 1e-4;

    /** What to reach. */
    public enum Target {
        GROSS_MARGIN_PERCENT("gross-margin-percent", "gross margin", "%", r -> r.totals().grossMarginPercent() == null
                ? Double.NaN : r.totals().grossMarginPercent()),
        OPERATING_PROFIT("operating-profit", "operating profit", "USD per month", r -> r.totals().operatingProfitUsdPerMonth()),
        COST_PER_MILLION_OUTPUT_TOKENS("cost-per-million-output-tokens", "cost per million output tokens", "USD",
                r -> r.tokenCosts().costPerMillionOutputTokensUsd()),
        COST_PER_MILLION_TOKENS("cost-per-million-tokens", "cost per million tokens (blended)", "USD",
                r -> r.tokenCosts().costPerMillionTokensBlendedUsd()),
        GPUS("gpus", "GPUs needed", "GPUs", r -> r.capacity().gpusRequired());

        private final String cliName;
        private final String label;
        private final String unit;
        private final ToDoubleFunction<ScenarioResult> value;

        Target(String cliName, String label, String unit, ToDoubleFunction<ScenarioResult> value) {
            this.cliName = cliName;
            this.label = label;
            this.unit = unit;
            this.value = value;
        }

        public String cliName() {
            return cliName;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }

        public double of(ScenarioResult result) {
            return value.applyAsDouble(result);
        }

        /** @throws InvalidInputException naming "target" and the known names */
        public static Target named(String name) {
            for (Target t : values()) {
                if (t.cliName.equalsIgnoreCase(name)) {
                    return t;
                }
            }
            throw new InvalidInputException("target", "unknown target '" + name + "'; known: " + names(values()));
        }
    }

    /** What to move, and over which range. */
    public enum Input {
        PRICE("price", "output price", "USD per million output tokens"),
        LOAD("load", "average load", "requests/s"),
        CACHE_HIT_RATE("cache-hit-rate", "prompt cache hit rate", "share"),
        UTILIZATION("utilization", "planned utilisation", "share");

        private final String cliName;
        private final String label;
        private final String unit;

        Input(String cliName, String label, String unit) {
            this.cliName = cliName;
            this.label = label;
            this.unit = unit;
        }

        public String cliName() {
            return cliName;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }

        /** @throws InvalidInputException naming "vary" and the known names */
        public static Input named(String name) {
            for (Input i : values()) {
                if (i.cliName.equalsIgnoreCase(name) || (i == UTILIZATION && name.equalsIgnoreCase("utilisation"))) {
                    return i;
                }
            }
            throw new InvalidInputException("vary", "unknown input '" + name + "'; known: " + names(values()));
        }
    }

    /**
     * @param tier       for {@link Input#PRICE}: the tier whose price moves (null: every priced tier by the same factor)
     * @param keepRatios for {@link Input#PRICE}: input and cached-input prices move in proportion to the output price
     */
    public record Request(Target target, double targetValue, Input input, String tier, boolean keepRatios) {
        public Request {
            io.inferplan.engine.Checks.present("target", target);
            io.inferplan.engine.Checks.present("vary", input);
            if (!Double.isFinite(targetValue)) {
                throw new InvalidInputException("target", "must be a finite number, was " + targetValue);
            }
            if (target == Target.GROSS_MARGIN_PERCENT && !(targetValue < 100)) {
                throw new InvalidInputException("target", "gross-margin-percent must be below 100 (a margin is a share of "
                        + "revenue), was " + targetValue);
            }
            if ((target == Target.GPUS || target == Target.COST_PER_MILLION_OUTPUT_TOKENS
                    || target == Target.COST_PER_MILLION_TOKENS) && !(targetValue > 0)) {
                throw new InvalidInputException("target", target.cliName + " must be greater than 0, was " + targetValue);
            }
        }
    }

    /**
     * @param reached       whether the result is within {@link #TOLERANCE} of the target (for GPUs: the largest
     *                      input whose fleet fits the budget was found)
     * @param inputPath     the document field that was moved (the first, when several move together)
     * @param inputValue    the input at the answer (or, out of reach, where the result comes closest)
     * @param resultValue   the result there
     * @param baseInput     the input as the scenario has it
     * @param baseResult    the result as the scenario has it
     * @param lowest        the bottom of the range searched
     * @param highest       the top of the range searched
     * @param explanation   one sentence: how it was reached, or why not and how close it gets
     * @param scenarioJson  the scenario with the input set to {@code inputValue} (only when reached; else null)
     */
    public record Outcome(Request request, boolean reached, String inputPath, double inputValue, double resultValue,
                          double baseInput, double baseResult, double lowest, double highest, String explanation,
                          String scenarioJson) {
    }

    private GoalSeek() {
    }

    /**
     * @throws InvalidInputException naming the field when the document is not a valid scenario, the tier is unknown,
     *                               or the input cannot be moved in this scenario
     * @throws java.util.concurrent.CancellationException when {@code progress} says to stop
     */
    public static Outcome solve(String scenarioJson, Request request, ScenarioResolver resolver, ScenarioEvaluator evaluator,
                                SimulationProgress progress) {
        return solve(scenarioJson, request, resolver, evaluator::evaluate, progress);
    }

    /**
     * As above, with the evaluation of each point given: the app's dashboard passes one at the replica capacity the
     * serving simulator found, so that the answer reaches the target on the figures the user sees.
     */
    public static Outcome solve(String scenarioJson, Request request, ScenarioResolver resolver,
                                java.util.function.Function<io.inferplan.engine.scenario.ResolvedScenario, ScenarioResult> evaluator,
                                SimulationProgress progress) {
        ObjectNode original = ScenarioJson.tree(scenarioJson);
        ObjectNode point = ScenarioJson.pointDocument(scenarioJson);
        ScenarioResult base = evaluator.apply(resolver.resolve(ScenarioJson.read(point)));
        Lever lever = Lever.of(request, point);
        Target target = request.target();
        double baseValue = target.of(base);
        double low = lever.lowest;
        double high = lever.highest;
        double[] xs = new double[SCAN_POINTS];
        double[] gs = new double[SCAN_POINTS];
        int total = SCAN_POINTS + BISECTIONS;
        for (int i = 0; i < SCAN_POINTS; i++) {
            progress.checkCancelled();
            double share = (double) i / (SCAN_POINTS - 1);
            xs[i] = lever.logarithmic ? low * Math.pow(high / low, share) : low + (high - low) * share;
            gs[i] = gap(request, at(point, lever, xs[i], resolver, evaluator));
            progress.report((double) (i + 1) / total);
        }
        int bracket = nearestBracket(xs, gs, lever.base);
        if (bracket < 0) {
            int best = closest(gs);
            progress.report(1);
            if (best < 0) {
                throw new InvalidInputException(lever.path, "no value from " + number(low) + " to " + number(high)
                        + " makes a valid scenario that has a " + target.label());
            }
            double bestResult = value(request, at(point, lever, xs[best], resolver, evaluator));
            return new Outcome(request, false, lever.path, xs[best], bestResult, lever.base, baseValue, low, high,
                    String.format(Locale.ROOT, "%s cannot reach %s by moving the %s (%s) from %s to %s %s: the closest is %s at %s",
                            capital(target.label()), number(request.targetValue()), request.input().label(), lever.path,
                            number(low), number(high), request.input().unit(), number(bestResult), number(xs[best])), null);
        }
        double a = xs[bracket];
        double b = xs[bracket + 1];
        double ga = gs[bracket];
        for (int i = 0; i < BISECTIONS && b - a > 1e-12 * Math.max(1, Math.abs(b)); i++) {
            progress.checkCancelled();
            double mid = (a + b) / 2;
            double gm = gap(request, at(point, lever, mid, resolver, evaluator));
            if (Double.isNaN(gm)) {
                break;
            }
            if (Math.signum(gm) == Math.signum(ga) && gm != 0) {
                a = mid;
                ga = gm;
            } else {
                b = mid;
            }
            progress.report((double) (SCAN_POINTS + i + 1) / total);
        }
        double answer = pickEnd(request, point, lever, a, b, resolver, evaluator);
        double result = value(request, at(point, lever, answer, resolver, evaluator));
        boolean reached = target == Target.GPUS ? result <= request.targetValue()
                : Math.abs(result - request.targetValue()) <= tolerance(request.targetValue());
        progress.report(1);
        if (!reached) {
            double other = value(request, at(point, lever, answer == a ? b : a, resolver, evaluator));
            return new Outcome(request, false, lever.path, answer, result, lever.base, baseValue, low, high,
                    String.format(Locale.ROOT, "%s jumps from %s to %s with the %s at %s (a whole replica more or fewer): "
                                    + "%s falls in the step; the closest is %s", capital(target.label()), number(result),
                            number(other), request.input().label(), number(answer), number(request.targetValue()), number(result)),
                    null);
        }
        ObjectNode written = original.deepCopy();
        lever.apply(written, answer);
        return new Outcome(request, true, lever.path, answer, result, lever.base, baseValue, low, high,
                String.format(Locale.ROOT, "%s %s with the %s at %s (now %s)", capital(target.label()), inUnit(result, target.unit()),
                        request.input().label(), inUnit(answer, request.input().unit()), inUnit(lever.base, request.input().unit())),
                written.toPrettyString());
    }

    private static double value(Request request, ScenarioResult result) {
        return result == null ? Double.NaN : request.target().of(result);
    }

    /** Result - target; for a GPU budget, positive when over it (so the boundary is the most load that fits). */
    private static double gap(Request request, ScenarioResult result) {
        if (result == null) {
            return Double.NaN;
        }
        double value = request.target().of(result);
        if (request.target() == Target.GPUS) {
            // The budget is met at or below it: a step function whose edge is the answer.
            return value <= request.targetValue() ? value - request.targetValue() - 0.5 : value - request.targetValue();
        }
        return value - request.targetValue();
    }

    private static double tolerance(double target) {
        return Math.max(1e-6, TOLERANCE * Math.abs(target));
    }

    /** For a GPU budget the end that fits; otherwise the end nearer the target. */
    private static double pickEnd(Request request, ObjectNode point, Lever lever, double a, double b,
                                  ScenarioResolver resolver, java.util.function.Function<io.inferplan.engine.scenario.ResolvedScenario, ScenarioResult> evaluator) {
        double ga = gap(request, at(point, lever, a, resolver, evaluator));
        double gb = gap(request, at(point, lever, b, resolver, evaluator));
        if (request.target() == Target.GPUS) {
            return ga < 0 ? (gb < 0 ? Math.max(a, b) : a) : b;
        }
        if (Double.isNaN(ga)) {
            return b;
        }
        if (Double.isNaN(gb)) {
            return a;
        }
        return Math.abs(ga) <= Math.abs(gb) ? a : b;
    }

    private static ScenarioResult at(ObjectNode point, Lever lever, double x, ScenarioResolver resolver,
                                     java.util.function.Function<io.inferplan.engine.scenario.ResolvedScenario, ScenarioResult> evaluator) {
        ObjectNode moved = point.deepCopy();
        lever.apply(moved, x);
        try {
            return evaluator.apply(resolver.resolve(ScenarioJson.read(moved)));
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** The bracket (i, i+1) with a sign change nearest the scenario's own input, or -1. */
    private static int nearestBracket(double[] xs, double[] gs, double base) {
        int best = -1;
        double distance = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < xs.length; i++) {
            if (Double.isNaN(gs[i]) || Double.isNaN(gs[i + 1])) {
                continue;
            }
            if (gs[i] == 0 || Math.signum(gs[i]) != Math.signum(gs[i + 1])) {
                double d = Math.min(Math.abs(xs[i] - base), Math.abs(xs[i + 1] - base));
                if (d < distance) {
                    distance = d;
                    best = i;
                }
            }
        }
        return best;
    }

    private static int closest(double[] gs) {
        int best = -1;
        for (int i = 0; i < gs.length; i++) {
            if (!Double.isNaN(gs[i]) && (best < 0 || Math.abs(gs[i]) < Math.abs(gs[best]))) {
                best = i;
            }
        }
        return best;
    }

    /** How an input's value reaches the document: the fields it sets and the range it may take. */
    private static final class Lever {
        final String path;
        final double base;
        final double lowest;
        final double highest;
        final boolean logarithmic;
        final List<String> scaled;

        private Lever(String path, double base, double lowest, double highest, boolean logarithmic, List<String> scaled) {
            this.path = path;
            this.base = base;
            this.lowest = lowest;
            this.highest = highest;
            this.logarithmic = logarithmic;
            this.scaled = scaled;
        }

        /** Sets the lever's field to {@code x}; the fields that move with it move by the same factor. */
        void apply(JsonNode document, double x) {
            if (!scaled.isEmpty() && base > 0) {
                for (String p : scaled) {
                    DocumentPaths.scale(document, p, x / base);
                }
            }
            DocumentPaths.set(document, path, x);
        }

        static Lever of(Request request, ObjectNode document) {
            return switch (request.input()) {
                case PRICE -> price(request, document);
                case LOAD -> load(document);
                case CACHE_HIT_RATE -> new Lever("workload.promptCacheHitRate",
                        DocumentPaths.first(document, "workload.promptCacheHitRate").orElse(0.0), 0, 1, false, List.of());
                case UTILIZATION -> new Lever("deployment.plannedUtilization",
                        DocumentPaths.first(document, "deployment.plannedUtilization").orElse(0.8), 0.05, 1, false, List.of());
            };
        }

        private static Lever load(ObjectNode document) {
            boolean byTokens = DocumentPaths.first(document, "workload.tokensPerDay").isPresent();
            String path = byTokens ? "workload.tokensPerDay" : "workload.averageRequestsPerSecond";
            double base = DocumentPaths.first(document, path).orElseThrow(() -> new InvalidInputException(path, "is not set"));
            // The peak keeps its ratio to the average when it is given in requests per second.
            return new Lever(path, base, base * 1e-4, Math.min(base * 1e4, byTokens ? 1e18 : 1e9), true,
                    List.of("workload.peakRequestsPerSecond"));
        }

        private static Lever price(Request request, ObjectNode document) {
            JsonNode tiers = document.path("pricing").path("tiers");
            List<Integer> chosen = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < tiers.size(); i++) {
                String name = tiers.get(i).path("name").asText();
                names.add(name);
                if (request.tier() == null ? tiers.get(i).path("usdPerMillionOutputTokens").asDouble() > 0 : name.equals(request.tier())) {
                    chosen.add(i);
                }
            }
            if (chosen.isEmpty()) {
                throw request.tier() == null
                        ? new InvalidInputException("pricing.tiers", "no tier has an output price to move; name one with --tier")
                        : new InvalidInputException("tier", "no tier named '" + request.tier() + "'; the scenario has: "
                        + String.join(", ", names));
            }
            String first = "pricing.tiers[" + chosen.getFirst() + "]";
            double base = tiers.get(chosen.getFirst()).path("usdPerMillionOutputTokens").asDouble();
            List<String> scaled = new ArrayList<>();
            for (int i : chosen) {
                if (i != chosen.getFirst()) {
                    scaled.add("pricing.tiers[" + i + "].usdPerMillionOutputTokens");
                }
                if (request.keepRatios()) {
                    scaled.add("pricing.tiers[" + i + "].usdPerMillionInputTokens");
                    scaled.add("pricing.tiers[" + i + "].usdPerMillionCachedInputTokens");
                }
            }
            double highest = Math.min(PricingTier.MAX_PRICE, Math.max(1000, base * 100));
            // Geometric from a thousandth of a cent: margins change fastest at low prices, and a price of 0 has none.
            return new Lever(first + ".usdPerMillionOutputTokens", base, 1e-5, highest, true, scaled);
        }
    }

    private static String names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) {
            names.add(v instanceof Target t ? t.cliName : ((Input) v).cliName);
        }
        return String.join(", ", names);
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "60%", "0.35 share" reads badly: shares and percents bare, other units after the number. */
    private static String inUnit(double value, String unit) {
        return switch (unit) {
            case "%" -> number(value) + "%";
            case "share" -> number(value);
            default -> number(value) + " " + unit;
        };
    }

    static String number(double value) {
        return io.inferplan.engine.scenario.Distribution.describeNumber(value);
    }
}
