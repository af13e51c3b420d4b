package dev.rehearsal.prefix;

import dev.rehearsal.spec.SampleSpec;
import java.util.Map;
import org.apiguardian.api.API;

/** The sample size per stratum for a spec, shared by the streaming and push-down samplers. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Allocations {

  private Allocations() {}

  /**
   * n_h per segment from the eligible user turns per segment; a single stratum {@code ""} holding the
   * whole size when the sample is not stratified.
   */
  public static Map<String, Integer> plan(SampleSpec s, Map<String, Long> population) {
    return s.stratified()
        ? StratumAllocator.allocate(s.allocation(), s.size(), population, s.priorSd(), s.minPerSegment())
        : Map.of("", s.size());
  }
}
