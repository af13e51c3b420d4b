package dev.rehearsal.prefix;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The outcome of sampling: the prefixes in log order, what the source read, and how many eligible
 * user turns of the whole log fell in each segment (the production mix, for post-stratification).
 *
 * @param prefixes sampled prefixes in log order
 * @param report what the source read
 * @param population eligible user turns per segment in the whole log
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Sample(List<Prefix> prefixes, SourceReport report, Map<String, Long> population) {
  public Sample {
    prefixes = List.copyOf(prefixes);
    population = Map.copyOf(population);
  }
}
