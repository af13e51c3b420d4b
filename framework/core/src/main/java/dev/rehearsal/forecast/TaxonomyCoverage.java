package dev.rehearsal.forecast;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The share of audited findings on production that tracked categories explain: a finding is
 * explained when a tracked category's frozen grader flags the same response. The paper's auditor is
 * open-ended; here the {@link KeywordAuditor} supplies the findings.
 *
 * @param findings audited findings on the released model's production responses
 * @param explained findings that some tracked category flagged too
 * @param unexplained unexplained findings counted by the auditor's kind (the taxonomy's blind spots)
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TaxonomyCoverage(long findings, long explained, Map<String, Long> unexplained) {

  public TaxonomyCoverage {
    unexplained = Map.copyOf(unexplained);
  }

  /** No auditor ran. */
  public static TaxonomyCoverage none() {
    return new TaxonomyCoverage(0, 0, Map.of());
  }

  /** explained / findings; NaN when there were no findings. */
  public double share() {
    return findings == 0 ? Double.NaN : (double) explained / findings;
  }

  /** Kinds of unexplained findings, most frequent first. */
  public List<String> blindSpots() {
    return unexplained.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(Map.Entry::getKey).toList();
  }
}
