package io.inferplan.engine.hardware;

import static io.inferplan.engine.Checks.positive;

import io.inferplan.engine.InvalidInputException;
import java.util.Locale;
import java.util.Optional;

/**
 * The share of its datasheet tensor clock a power-capped part sustains under dense matrix work, estimated against a
 * sibling on the same die that has the power to run at its datasheet clock (H100 PCIe at 350 W against H100 SXM at
 * 700 W). Datasheets print tensor peaks at boost clocks; a 350 W card running the GEMMs of a large batch cannot hold
 * them, and the fitted efficiency factors (calibrated on the full-power parts) do not know that.
 *
 * <p>The board's power is a fixed part (leakage, memory, board: {@link #FIXED_POWER_SHARE} of the sibling's board
 * power, the same die and memory stacks) plus a dynamic part that scales with the tensor work per clock and with the
 * clock cubed (dynamic power ~ f V^2 with the voltage following the clock in the DVFS range). The sibling's dynamic
 * power at its datasheet rate, scaled by the part's datasheet rate, is what the part would need; where its board power
 * leaves less, the clock drops until it fits. Only the compute roofline is scaled: decode streaming memory is bound by
 * the memory clock, which power capping leaves alone, and draws less power than dense GEMMs.
 *
 * <p>An estimate with stated constants, not a fit: no calibration row is a power-capped part. A profile of this
 * machine keeps the datasheet's tensor rates (OpenCL cannot reach tensor cores), so it keeps the share as well.
 */
public final class PowerLimitedClock {

    /** Leakage, memory and board power as a share of the full-power sibling's board power. */
    public static final double FIXED_POWER_SHARE = 0.2;
    /** Dynamic power grows with the clock to this power (f V^2, V roughly proportional to f near the top). */
    public static final double DYNAMIC_POWER_EXPONENT = 3.0;

    private PowerLimitedClock() {
    }

    /**
     * What a user should read about a power-capped part ("350 W holds about 79% of the datasheet tensor rate under
     * dense matrix work, an estimate"), or nothing for a part that holds its datasheet clocks.
     */
    public static Optional<String> describe(AcceleratorSpec accelerator) {
        if (accelerator.sustainedComputeShare() >= 1) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s at %.0f W holds about %.0f%% of its datasheet tensor rate under "
                + "dense matrix work (an estimate from its board power), so compute-bound work is priced at that rate",
                accelerator.name(), accelerator.boardPowerWatts(), accelerator.sustainedComputeShare() * 100));
    }

    /**
     * The sustained share (0..1] of the datasheet tensor clock.
     *
     * @param boardWatts             the part's board power limit
     * @param peakFlopsPerSecond     the part's datasheet dense tensor rate (any one precision)
     * @param siblingBoardWatts      the full-power sibling's board power limit
     * @param siblingPeakFlopsPerSecond the sibling's datasheet rate in the same precision
     */
    public static double sustainedShare(double boardWatts, double peakFlopsPerSecond, double siblingBoardWatts,
                                        double siblingPeakFlopsPerSecond) {
        positive("boardWatts", boardWatts, 100_000);
        positive("peakFlopsPerSecond", peakFlopsPerSecond, 1e18);
        positive("siblingBoardWatts", siblingBoardWatts, 100_000);
        positive("siblingPeakFlopsPerSecond", siblingPeakFlopsPerSecond, 1e18);
        double fixedWatts = FIXED_POWER_SHARE * siblingBoardWatts;
        double neededDynamicWatts = (siblingBoardWatts - fixedWatts) * peakFlopsPerSecond / siblingPeakFlopsPerSecond;
        double availableDynamicWatts = boardWatts - fixedWatts;
        if (availableDynamicWatts >= neededDynamicWatts) {
            return 1.0;
        }
        if (availableDynamicWatts <= 0) {
            throw new InvalidInputException("boardWatts", "a board power of " + boardWatts
                    + " W leaves nothing for compute beside the " + fixedWatts + " W fixed power of its die; give more than that");
        }
        return Math.pow(availableDynamicWatts / neededDynamicWatts, 1.0 / DYNAMIC_POWER_EXPONENT);
    }
}
