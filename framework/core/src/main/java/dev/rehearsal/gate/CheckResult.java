package dev.rehearsal.gate;

import dev.rehearsal.spec.ThresholdSpec;
import org.apiguardian.api.API;

/**
 * One threshold checked on one category and segment.
 *
 * @param threshold the threshold
 * @param category the category id
 * @param segment the segment id, or {@code overall}
 * @param breached whether the release must take the threshold's action
 * @param observed what was measured, with every number needed to re-check it
 * @param expected the threshold and the decision rule
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CheckResult(
    ThresholdSpec threshold, String category, String segment, boolean breached, String observed, String expected) {}
