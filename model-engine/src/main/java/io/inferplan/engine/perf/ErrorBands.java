package io.inferplan.engine.perf;

import static io.inferplan.engine.Checks.present;

/** The error band of each figure of one prediction. */
public record ErrorBands(ErrorBand throughput, ErrorBand ttft, ErrorBand tpot) {
    public ErrorBands {
        present("errorBands.throughput", throughput);
        present("errorBands.ttft", ttft);
        present("errorBands.tpot", tpot);
    }

    public ErrorBand of(PredictedMetric metric) {
        return switch (metric) {
            case THROUGHPUT -> throughput;
            case TTFT -> ttft;
            case TPOT -> tpot;
        };
    }
}
