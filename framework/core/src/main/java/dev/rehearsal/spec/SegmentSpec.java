package dev.rehearsal.spec;

import org.apiguardian.api.API;

/**
 * A named slice of the traffic; a prefix belongs to the first segment whose rule it satisfies.
 *
 * @param id the segment id
 * @param rule the rule
 * @param mark where it is declared
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SegmentSpec(String id, SegmentRule rule, Mark mark) {}
