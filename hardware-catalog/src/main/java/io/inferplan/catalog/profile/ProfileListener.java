package io.inferplan.catalog.profile;

/**
 * Progress of a profile run. Called on the profiling thread: a JavaFX caller forwards to the FX thread itself
 * (for example through {@code Task.updateProgress}, which may be called from any thread).
 */
public interface ProfileListener {
    ProfileListener NONE = (fraction, step) -> { };

    /** @param fraction 0 to 1 of the whole run; @param step what is being measured now */
    void onProgress(double fraction, String step);

    /** A figure has been measured on a device. */
    default void onResult(DeviceProfile device, BenchmarkResult result) {
    }
}
