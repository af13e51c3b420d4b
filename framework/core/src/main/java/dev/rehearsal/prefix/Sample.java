package dev.rehearsal.prefix;

import dev.rehearsal.prefix.deid.DeidReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The outcome of sampling: the prefixes in log order, what the source read, how many eligible user
 * turns of the whole log fell in each segment (the production mix, for post-stratification), the
 * planned allocation of a stratified sample, and what the de-identification guard found.
 *
 * @param prefixes sampled prefixes in log order
 * @param report what the source read
 * @param population eligible user turns per segment in the whole log (N_h)
 * @param allocation planned sample size per segment (n_h); empty when not stratified
 * @param deid what the de-identification guard found in the sampled prefixes, and what it did
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Sample(
    List<Prefix> prefixes, SourceReport report, Map<String, Long> population, Map<String, Integer> allocation,
    DeidReport deid) {

  public Sample {
    prefixes = List.copyOf(prefixes);
    population = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(population));
    allocation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(allocation));
  }

  /** A sample the guard has not looked at yet. */
  public Sample(List<Prefix> prefixes, SourceReport report, Map<String, Long> population,
      Map<String, Integer> allocation) {
    this(prefixes, report, population, allocation, DeidReport.none());
  }

  /** A sample without stratification. */
  public Sample(List<Prefix> prefixes, SourceReport report, Map<String, Long> population) {
    this(prefixes, report, population, Map.of());
  }

  /**
   * Each segment's share of the log's eligible user turns, W_h = N_h / N: the weights that turn
   * per-segment rates into a post-stratified overall rate, sum over h of W_h p_h.
   */
  public Map<String, Double> weights() {
    long total = population.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Double> out = new LinkedHashMap<>();
    population.forEach((segment, n) -> out.put(segment, total == 0 ? 0.0 : n / (double) total));
    return out;
  }

  /** The post-stratified overall rate from per-segment rates (segments without a rate count as 0). */
  public double postStratified(Map<String, Double> segmentRates) {
    return weights().entrySet().stream().mapToDouble(e -> e.getValue() * segmentRates.getOrDefault(e.getKey(), 0.0)).sum();
  }

  /** The same sample with other prefixes (as redacted by the guard) and the guard's report. */
  public Sample with(List<Prefix> newPrefixes, DeidReport newDeid) {
    return new Sample(newPrefixes, report, population, allocation, newDeid);
  }
}
