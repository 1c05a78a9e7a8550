package io.inferplan.engine.sim;

import java.util.Arrays;

/** The fleet's occupancy on a regular grid of simulated time. */
final class FleetSamples {
    private final int kvBlocks;
    private final double interval;
    private double next;
    private int count;
    private double[] time = new double[1024];
    private float[] kvShare = new float[1024];
    private int[] running = new int[1024];
    private int[] waiting = new int[1024];
    private long[] preemptions = new long[1024];

    FleetSamples(double interval, int kvBlocks) {
        this.interval = interval;
        this.kvBlocks = kvBlocks;
    }

    void record(double now, ReplicaRun[] runs) {
        while (now >= next) {
            if (count == time.length) {
                int size = count * 2;
                time = Arrays.copyOf(time, size);
                kvShare = Arrays.copyOf(kvShare, size);
                running = Arrays.copyOf(running, size);
                waiting = Arrays.copyOf(waiting, size);
                preemptions = Arrays.copyOf(preemptions, size);
            }
            double kv = 0;
            int sequences = 0;
            int queued = 0;
            long preempted = 0;
            for (ReplicaRun run : runs) {
                kv += 1.0 - (double) run.freeBlocks / kvBlocks;
                sequences += run.running;
                queued += run.queueSize;
                preempted += run.preemptions;
            }
            time[count] = next;
            kvShare[count] = (float) (kv / runs.length);
            running[count] = sequences;
            waiting[count] = queued;
            preemptions[count] = preempted;
            count++;
            next += interval;
        }
    }

    double[] times() {
        return Arrays.copyOf(time, count);
    }

    float[] kvShares() {
        return Arrays.copyOf(kvShare, count);
    }

    int[] running() {
        return Arrays.copyOf(running, count);
    }

    int[] waiting() {
        return Arrays.copyOf(waiting, count);
    }

    long[] preemptions() {
        return Arrays.copyOf(preemptions, count);
    }
}
