package io.inferplan.engine.sim;

import io.inferplan.engine.perf.StepPhysics;

/**
 * Step times from the performance model's roofline terms ({@link StepPhysics}): a decode iteration of the step's
 * decoding sequences plus the prefill compute of its prompt tokens, as the steady-state cycle adds them; a step with
 * prefill only costs what the estimate charges a request's own prefill.
 *
 * <p>Decode times are tabulated per batch size on a geometric grid of contexts (5% apart) and interpolated
 * linearly: the decode time is piecewise linear in context, so the error stays well under 1% while a step costs a
 * few multiplications instead of the full roofline. Nodes are filled on first use (a run touches a few contexts per
 * batch size), and a replica keeps its table from run to run; the table is not thread-safe.
 */
public final class RooflineStepTime implements StepTimeSource {
    private static final double FIRST_NODE_TOKENS = 16;
    private static final double NODE_RATIO = 1.05;
    private static final double LOG_RATIO = Math.log(NODE_RATIO);
    private static final int NODES = (int) Math.ceil(Math.log(2e7 / FIRST_NODE_TOKENS) / LOG_RATIO) + 2;

    private final StepPhysics physics;
    private final double[][] decodeByBatch;

    public RooflineStepTime(StepPhysics physics, int maxSequences) {
        this.physics = physics;
        this.decodeByBatch = new double[maxSequences + 1][];
    }

    /** The largest batch the table holds (larger ones are computed each time). */
    int maxSequences() {
        return decodeByBatch.length - 1;
    }

    public StepPhysics physics() {
        return physics;
    }

    @Override
    public double stepSeconds(int prefillTokens, double prefillMeanContextTokens, int decodeSequences, double decodeMeanContextTokens) {
        if (decodeSequences == 0) {
            return physics.prefillOnlySeconds(prefillTokens, prefillMeanContextTokens);
        }
        return decodeSeconds(decodeSequences, decodeMeanContextTokens) + physics.prefillSeconds(prefillTokens, prefillMeanContextTokens);
    }

    /** Decode time of {@code sequences} at this mean context, from the table. */
    double decodeSeconds(int sequences, double meanContextTokens) {
        if (sequences >= decodeByBatch.length) {
            return physics.decodeSeconds(sequences, meanContextTokens);
        }
        double[] row = decodeByBatch[sequences];
        if (row == null) {
            row = fillRow(sequences);
        }
        if (meanContextTokens <= FIRST_NODE_TOKENS) {
            return node(row, sequences, 0);
        }
        double position = Math.log(meanContextTokens / FIRST_NODE_TOKENS) / LOG_RATIO;
        int node = (int) position;
        if (node >= NODES - 1) {
            return physics.decodeSeconds(sequences, meanContextTokens);
        }
        double low = nodeTokens(node);
        double high = nodeTokens(node + 1);
        double share = (meanContextTokens - low) / (high - low);
        double below = node(row, sequences, node);
        return below + share * (node(row, sequences, node + 1) - below);
    }

    /** A node's decode time, computed the first time it is read (NaN: not yet). */
    private double node(double[] row, int sequences, int node) {
        double value = row[node];
        if (value != value) {
            value = physics.decodeSeconds(sequences, nodeTokens(node));
            row[node] = value;
        }
        return value;
    }

    private double[] fillRow(int sequences) {
        double[] row = new double[NODES];
        java.util.Arrays.fill(row, Double.NaN);
        decodeByBatch[sequences] = row;
        return row;
    }

    private static double nodeTokens(int node) {
        return FIRST_NODE_TOKENS * Math.pow(NODE_RATIO, node);
    }
}
