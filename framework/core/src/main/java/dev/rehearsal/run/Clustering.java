package dev.rehearsal.run;

import dev.rehearsal.grade.Verdict;
import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.stats.ClusteredRate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups graded prefixes by the logged conversation they were cut from. The sampler draws user
 * turns, so a long conversation can contribute several prefixes whose outcomes are correlated (same
 * user, same topic): the binomial variance then understates the uncertainty by the design effect
 * (Kish 1965, section 5.4), which {@link ClusteredRate} estimates with cluster-robust variance.
 */
final class Clustering {

  private Clustering() {}

  /** Events and graded turns per conversation id, in sample order. */
  static Map<String, int[]> byConversation(List<Prefix> prefixes, Map<String, Verdict> verdicts, String label) {
    Map<String, int[]> out = new LinkedHashMap<>();
    for (Prefix p : prefixes) {
      Verdict v = verdicts.get(p.sampleId());
      if (v != null) {
        int[] counts = out.computeIfAbsent(p.source().conversation().id(), id -> new int[2]);
        counts[0] += v.has(label) ? 1 : 0;
        counts[1]++;
      }
    }
    return out;
  }

  /**
   * The clustered rate when some conversation contributed more than one graded prefix (and there are
   * at least two conversations); otherwise every cluster is one turn, the design effect is 1 by
   * construction and nothing is reported.
   */
  static Optional<ClusteredRate> rate(Map<String, int[]> byConversation) {
    boolean clustered = byConversation.values().stream().anyMatch(c -> c[1] > 1);
    if (!clustered || byConversation.size() < 2) {
      return Optional.empty();
    }
    int[] events = byConversation.values().stream().mapToInt(c -> c[0]).toArray();
    int[] turns = byConversation.values().stream().mapToInt(c -> c[1]).toArray();
    return Optional.of(ClusteredRate.of(events, turns, 0.95));
  }
}
