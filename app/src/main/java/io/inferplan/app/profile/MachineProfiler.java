package io.inferplan.app.profile;

import io.inferplan.catalog.profile.CancelToken;
import io.inferplan.catalog.profile.IsolatedProfiler;
import io.inferplan.catalog.profile.ProfileListener;
import io.inferplan.catalog.profile.ProfileMode;
import io.inferplan.catalog.profile.ProfileReport;

/** What the profile page measures this machine with: the isolated profiler in the app, a stand-in in tests. */
public interface MachineProfiler {
    /** Finds the devices without benchmarking them (fast). */
    ProfileReport discover();

    /** Finds and benchmarks the devices; a cancelled run still reports what it measured. */
    ProfileReport run(ProfileMode mode, ProfileListener listener, CancelToken cancel);

    /** In a process of its own: a hanging or crashing GPU driver cannot take the app down. */
    static MachineProfiler isolated() {
        IsolatedProfiler profiler = new IsolatedProfiler();
        return new MachineProfiler() {
            @Override
            public ProfileReport discover() {
                return profiler.discover();
            }

            @Override
            public ProfileReport run(ProfileMode mode, ProfileListener listener, CancelToken cancel) {
                return profiler.run(mode, listener, cancel);
            }
        };
    }
}
