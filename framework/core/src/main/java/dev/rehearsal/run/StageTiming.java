package dev.rehearsal.run;

import org.apiguardian.api.API;

/**
 * When one pipeline stage of a gate run (sample, generate, grade, estimate) started and stopped.
 *
 * @param name the stage
 * @param startMillis epoch milliseconds at the start
 * @param stopMillis epoch milliseconds at the end
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StageTiming(String name, long startMillis, long stopMillis) {}
