package dev.rehearsal.spec;

import java.util.List;
import org.apiguardian.api.API;

/** Where prefixes come from, which user turns are eligible, how many are sampled, and segments. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PrefixSpec(
    SourceSpec source, EligibilitySpec eligible, SampleSpec sample, List<SegmentSpec> segments) {
  public PrefixSpec {
    segments = List.copyOf(segments);
  }
}
