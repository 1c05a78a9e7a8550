package io.inferplan.engine.optimize;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.present;

/**
 * The two pools of a disaggregated row: each pool's worker laid out as one of the search's aggregated rows (part,
 * parallel layout, precisions, stack), and how many workers it has. The pools may be on different parts.
 *
 * @param prefillWorker the aggregated row whose layout one prefill worker has
 * @param decodeWorker  the aggregated row whose layout one decode worker has
 */
public record DisaggregatedPools(RankedConfiguration prefillWorker, int prefillWorkers, RankedConfiguration decodeWorker,
                                 int decodeWorkers) {
    public DisaggregatedPools {
        present("pools.prefillWorker", prefillWorker);
        present("pools.decodeWorker", decodeWorker);
        inRange("pools.prefillWorkers", prefillWorkers, 1, 100_000);
        inRange("pools.decodeWorkers", decodeWorkers, 1, 100_000);
    }

    public int prefillGpus() {
        return prefillWorker.gpusPerReplica() * prefillWorkers;
    }

    public int decodeGpus() {
        return decodeWorker.gpusPerReplica() * decodeWorkers;
    }

    /** Both pools on one part (their layouts may still differ). */
    public boolean samePart() {
        return prefillWorker.accelerator().equals(decodeWorker.accelerator());
    }

    /** Both pools with the same worker layout on the same part (the aggregated source's twin). */
    public boolean sameWorker() {
        return prefillWorker.describe().equals(decodeWorker.describe());
    }
}
