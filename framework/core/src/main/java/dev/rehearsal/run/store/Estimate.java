package dev.rehearsal.run.store;

import org.apiguardian.api.API;

/**
 * One stored rate estimate: events out of trials for a category in a segment of one arm.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Estimate(String runId, String arm, String category, String segment, long events,
    long trials, double rate, double lower, double upper, String method) {}
