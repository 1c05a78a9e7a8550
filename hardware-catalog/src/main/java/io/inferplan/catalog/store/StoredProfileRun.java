package io.inferplan.catalog.store;

import java.time.Instant;

/** A profile run as stored: when, how, where, and the full report as JSON. */
public record StoredProfileRun(long id, Instant startedAt, String mode, String hostName, int deviceCount, String reportJson) {
}
