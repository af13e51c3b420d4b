package dev.rehearsal.spec;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Where prefixes come from, which user turns are eligible, how they are sampled, segments, the
 * de-identification guard and the bad-record policy.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PrefixSpec(
    SourceSpec source, EligibilitySpec eligible, SampleSpec sample, List<SegmentSpec> segments, DeidSpec deid,
    BadDataSpec badRecords) {

  public PrefixSpec {
    segments = List.copyOf(segments);
  }

  /** A spec with the default guard ({@code block}) and bad-record policy ({@code skip}). */
  public PrefixSpec(SourceSpec source, EligibilitySpec eligible, SampleSpec sample, List<SegmentSpec> segments) {
    this(source, eligible, sample, segments, DeidSpec.DEFAULT, BadDataSpec.DEFAULT);
  }
}
