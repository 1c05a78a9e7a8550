package io.inferplan.engine.perf;

import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.ModelSpec;

/**
 * Moving a prompt's KV cache from the prefill worker that computed it to the decode worker that continues it. Every
 * GPU of the sending worker holds a shard and sends it over its own link, so the pair moves at the per-GPU bandwidth
 * times the GPUs on the narrower side. Inside one NVLink domain (both pools on one GB200 NVL72 rack) that is NVLink;
 * otherwise the scale-out network each catalog part states per GPU (one 400 Gb/s NIC per GPU on HGX boards).
 */
public final class KvTransfer {
    /** Achievable share of a link's line rate for large RDMA or NVLink copies (NIXL, Mooncake). */
    static final double LINK_EFFICIENCY = 0.8;

    private KvTransfer() {
    }

    /** Seconds to move the KV cache of {@code inputTokens} prompt tokens from a prefill worker to a decode worker. */
    public static double seconds(ModelSpec model, DisaggregatedDeployment deployment, double inputTokens) {
        return bytes(model, deployment.prefill(), inputTokens) / bytesPerSecond(deployment);
    }

    /** KV bytes of one prompt, at the prefill worker's KV precision (the cache is copied as it is stored). */
    public static double bytes(ModelSpec model, Deployment prefill, double inputTokens) {
        return model.kvBytesPerSequence(inputTokens, prefill.kvPrecision());
    }

    /** What a prefill worker and a decode worker move between them per second. */
    public static double bytesPerSecond(DisaggregatedDeployment deployment) {
        int senders = Math.min(deployment.prefill().gpusPerReplica(), deployment.decode().gpusPerReplica());
        return senders * perGpuBytesPerSecond(deployment) * LINK_EFFICIENCY;
    }

    /** One GPU's link for the copy: NVLink when both pools fit in one scale-up domain of the same part, else scale-out. */
    static double perGpuBytesPerSecond(DisaggregatedDeployment deployment) {
        AcceleratorSpec prefill = deployment.prefill().accelerator();
        AcceleratorSpec decode = deployment.decode().accelerator();
        boolean oneDomain = prefill.id().equals(decode.id()) && prefill.scaleUpBandwidthBytesPerSecond() > 0
                && deployment.gpus() <= prefill.scaleUpDomainSize();
        if (oneDomain) {
            return prefill.scaleUpBandwidthBytesPerSecond();
        }
        return Math.min(scaleOut(prefill), scaleOut(decode));
    }

    /** The part's stated scale-out bandwidth per GPU; where the catalog has none, one 400 Gb/s NIC per GPU. */
    static double scaleOut(AcceleratorSpec accelerator) {
        return accelerator.scaleOutBandwidthBytesPerSecond() > 0 ? accelerator.scaleOutBandwidthBytesPerSecond()
                : ReplicaLayout.SCALE_OUT_BYTES_PER_SECOND;
    }
}
