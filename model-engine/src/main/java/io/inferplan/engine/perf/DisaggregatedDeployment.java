package io.inferplan.engine.perf;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.present;

/**
 * Disaggregated prefill/decode serving: a pool of prefill workers that only run prompts and a pool of decode workers
 * that only generate, the prompt's KV cache moving from one to the other. The pools may be different parts; each
 * worker is laid out as an aggregated replica is ({@link Deployment}: tensor, pipeline, expert parallel, attention).
 *
 * @param prefill        one prefill worker
 * @param prefillWorkers prefill workers in the pool
 * @param decode         one decode worker
 * @param decodeWorkers  decode workers in the pool
 */
public record DisaggregatedDeployment(Deployment prefill, int prefillWorkers, Deployment decode, int decodeWorkers) {
    public DisaggregatedDeployment {
        present("disaggregated.prefill", prefill);
        present("disaggregated.decode", decode);
        inRange("disaggregated.prefillWorkers", prefillWorkers, 1, 100_000);
        inRange("disaggregated.decodeWorkers", decodeWorkers, 1, 100_000);
    }

    public int prefillGpus() {
        return prefill.gpusPerReplica() * prefillWorkers;
    }

    public int decodeGpus() {
        return decode.gpusPerReplica() * decodeWorkers;
    }

    public int gpus() {
        return prefillGpus() + decodeGpus();
    }

    public DisaggregatedDeployment withWorkers(int prefillWorkerCount, int decodeWorkerCount) {
        return new DisaggregatedDeployment(prefill, prefillWorkerCount, decode, decodeWorkerCount);
    }

    /** "disaggregated P 8 x 1 + D 8 x 4": GPUs per worker x workers in each pool. */
    public String describe() {
        return "disaggregated P " + prefill.gpusPerReplica() + " x " + prefillWorkers + " + D " + decode.gpusPerReplica()
                + " x " + decodeWorkers;
    }
}
