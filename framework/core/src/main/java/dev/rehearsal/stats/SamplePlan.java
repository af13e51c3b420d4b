package dev.rehearsal.stats;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * How many samples a gate needs, and what they buy.
 *
 * @param samples samples needed (per arm for two-arm plans)
 * @param power power achieved at that size (exact for single-rate plans, approximate for ratios)
 * @param maximumEvents largest event count that still passes (single-rate plans; −1 for ratios)
 * @param method how the size was computed
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public record SamplePlan(int samples, double power, int maximumEvents, String method) {}
